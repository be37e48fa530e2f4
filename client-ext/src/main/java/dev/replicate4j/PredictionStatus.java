package dev.replicate4j;

import java.util.Locale;

/**
 * Where a prediction is in its life. "Done" is data: {@link #isTerminal()}.
 *
 * <p>A status this SDK does not know reads as {@link #UNKNOWN} (the raw text stays available from
 * {@link Prediction#rawStatus()}); it is never terminal, so waits go on until their deadline.
 */
public enum PredictionStatus {
  /** Queued or booting. */
  STARTING("starting", false),
  /** The model is running. */
  PROCESSING("processing", false),
  /** Finished with output. */
  SUCCEEDED("succeeded", true),
  /** Finished with an error. */
  FAILED("failed", true),
  /** Canceled by a user or at its deadline while running. */
  CANCELED("canceled", true),
  /** Ended before it started running, for example because its deadline passed first. */
  ABORTED("aborted", true),
  /** A status this version of the SDK does not know. */
  UNKNOWN(null, false);

  private final String wireValue;
  private final boolean terminal;

  PredictionStatus(String wireValue, boolean terminal) {
    this.wireValue = wireValue;
    this.terminal = terminal;
  }

  /**
   * Whether the prediction will not change any more.
   *
   * @return true for succeeded, failed, canceled and aborted
   */
  public boolean isTerminal() {
    return terminal;
  }

  /**
   * The status as the API spells it.
   *
   * @return the wire value, or null for {@link #UNKNOWN}
   */
  public String wireValue() {
    return wireValue;
  }

  /**
   * Reads a wire value.
   *
   * @param value the status text from the API, may be null
   * @return the matching constant, or {@link #UNKNOWN}
   */
  public static PredictionStatus fromWire(String value) {
    if (value != null) {
      String normalized = value.trim().toLowerCase(Locale.ROOT);
      for (PredictionStatus status : values()) {
        if (normalized.equals(status.wireValue)) {
          return status;
        }
      }
    }
    return UNKNOWN;
  }
}
