package dev.replicate4j.webhooks;

import dev.replicate4j.Prediction;
import java.time.Instant;
import java.util.Objects;

/**
 * A webhook delivery that passed {@link WebhookVerifier}: authentic, timely, and a prediction.
 *
 * <p>Public constructor so that tests of a receiver's handling code can build one directly.
 *
 * @param id the {@code webhook-id}; retries of a delivery reuse it, so it is the key to
 *     de-duplicate on (see {@link WebhookDeduplicator})
 * @param timestamp when the delivery was signed, from {@code webhook-timestamp} (whole seconds)
 * @param prediction the prediction in the body, in the state that triggered this event
 */
public record VerifiedWebhook(String id, Instant timestamp, Prediction prediction) {
  /**
   * Checks that every component is present.
   *
   * @param id the webhook id
   * @param timestamp the signing time
   * @param prediction the prediction
   */
  public VerifiedWebhook {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(prediction, "prediction");
  }
}
