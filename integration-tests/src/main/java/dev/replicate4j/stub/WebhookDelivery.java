package dev.replicate4j.stub;

import java.time.Instant;
import java.util.Optional;

/** One attempt to deliver a webhook, as the stub made it: what it sent and what came back. */
public final class WebhookDelivery {
  private final String predictionId;
  private final String event;
  private final String url;
  private final String webhookId;
  private final long timestamp;
  private final String signature;
  private final String body;
  private final int attempt;
  private final int responseCode;
  private final String failure;
  private final Instant sentAt;

  WebhookDelivery(String predictionId, String event, String url, String webhookId, long timestamp,
      String signature, String body, int attempt, int responseCode, String failure, Instant sentAt) {
    this.predictionId = predictionId;
    this.event = event;
    this.url = url;
    this.webhookId = webhookId;
    this.timestamp = timestamp;
    this.signature = signature;
    this.body = body;
    this.attempt = attempt;
    this.responseCode = responseCode;
    this.failure = failure;
    this.sentAt = sentAt;
  }

  /**
   * The prediction the webhook is about.
   *
   * @return its id
   */
  public String predictionId() {
    return predictionId;
  }

  /**
   * The event: {@code start}, {@code output}, {@code logs} or {@code completed}.
   *
   * @return the event
   */
  public String event() {
    return event;
  }

  /**
   * Where it was sent.
   *
   * @return the receiver URL
   */
  public String url() {
    return url;
  }

  /**
   * The {@code webhook-id} header; the same on every attempt of one message.
   *
   * @return the id
   */
  public String webhookId() {
    return webhookId;
  }

  /**
   * The {@code webhook-timestamp} header.
   *
   * @return Unix seconds
   */
  public long timestamp() {
    return timestamp;
  }

  /**
   * The {@code webhook-signature} header.
   *
   * @return {@code v1,<base64>}
   */
  public String signature() {
    return signature;
  }

  /**
   * The body: the prediction JSON at the time of the event.
   *
   * @return the body
   */
  public String body() {
    return body;
  }

  /**
   * Which attempt this was.
   *
   * @return 1 for the first
   */
  public int attempt() {
    return attempt;
  }

  /**
   * The receiver's status code.
   *
   * @return the code, or 0 if no response came
   */
  public int responseCode() {
    return responseCode;
  }

  /**
   * Why no response came, if so.
   *
   * @return the error, or empty
   */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /**
   * True if the receiver answered 2xx.
   *
   * @return whether it was delivered
   */
  public boolean delivered() {
    return responseCode >= 200 && responseCode < 300;
  }

  /**
   * When the attempt was made.
   *
   * @return the time
   */
  public Instant sentAt() {
    return sentAt;
  }

  /** Event, prediction, attempt and result, for test output. */
  @Override
  public String toString() {
    return "WebhookDelivery{" + event + " for " + predictionId + ", attempt " + attempt + " -> "
        + (failure != null ? failure : String.valueOf(responseCode)) + "}";
  }
}
