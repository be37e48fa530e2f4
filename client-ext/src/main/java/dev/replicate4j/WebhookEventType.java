package dev.replicate4j;

/** The events a webhook can be requested for ({@code webhook_events_filter}). */
public enum WebhookEventType {
  /** The prediction started. */
  START("start"),
  /** New output was produced (at most one call per 500 ms). */
  OUTPUT("output"),
  /** New logs were written (at most one call per 500 ms). */
  LOGS("logs"),
  /** The prediction reached a terminal status. */
  COMPLETED("completed");

  private final String wireValue;

  WebhookEventType(String wireValue) {
    this.wireValue = wireValue;
  }

  /**
   * The event as the API spells it.
   *
   * @return the wire value
   */
  public String wireValue() {
    return wireValue;
  }
}
