package dev.replicate4j.webhooks;

import dev.replicate4j.ReplicateException;
import java.util.Objects;
import java.util.Optional;

/**
 * A webhook delivery was rejected by {@link WebhookVerifier}. {@link #reason()} says why, and for
 * header problems {@link #header()} says which header.
 *
 * <p>A receiver answers every rejection with a 4xx status and does not process the body. Messages
 * never contain the signing secret.
 */
public final class WebhookVerificationException extends ReplicateException {
  private static final long serialVersionUID = 1L;

  /** Why a delivery was rejected. */
  public enum Reason {
    /**
     * A required header ({@code webhook-id}, {@code webhook-timestamp} or {@code
     * webhook-signature}) is absent.
     */
    MISSING_HEADER,
    /**
     * A header is present but unusable: empty, repeated, a timestamp that is not Unix seconds, a
     * signature list with no {@code v1} entry or with one that is not base64 of 32 bytes.
     */
    MALFORMED_HEADER,
    /**
     * No {@code v1} signature matches the signed content: a wrong secret, or the id, timestamp or
     * body differ from what was signed.
     */
    BAD_SIGNATURE,
    /**
     * Authentic, but signed longer ago than the tolerance allows: a replay, a very late delivery,
     * or a receiver clock running ahead.
     */
    STALE_TIMESTAMP,
    /**
     * Authentic, but signed further in the future than the tolerance allows: the receiver's clock
     * is behind, or the sender's is ahead.
     */
    FUTURE_TIMESTAMP,
    /**
     * Authentic and timely, but the body is not a prediction: not UTF-8, not a JSON object, or
     * without an id or a status.
     */
    NOT_A_PREDICTION
  }

  /** Why the delivery was rejected. */
  private final Reason reason;
  /** The header at fault, or null. */
  private final String header;

  private WebhookVerificationException(
      Reason reason, String header, String detail, Throwable cause) {
    super("Webhook rejected (" + reason + "): " + detail, cause);
    this.reason = reason;
    this.header = header;
  }

  static WebhookVerificationException missingHeader(String header) {
    return new WebhookVerificationException(
        Reason.MISSING_HEADER, header, "the " + header + " header is missing", null);
  }

  static WebhookVerificationException malformedHeader(String header, String problem) {
    return new WebhookVerificationException(
        Reason.MALFORMED_HEADER, header, "the " + header + " header " + problem, null);
  }

  static WebhookVerificationException badSignature(String detail) {
    return new WebhookVerificationException(Reason.BAD_SIGNATURE, null, detail, null);
  }

  static WebhookVerificationException untimely(Reason reason, String detail) {
    if (reason != Reason.STALE_TIMESTAMP && reason != Reason.FUTURE_TIMESTAMP) {
      throw new IllegalArgumentException("not a timestamp reason: " + reason);
    }
    return new WebhookVerificationException(reason, WebhookVerifier.TIMESTAMP_HEADER, detail, null);
  }

  static WebhookVerificationException notAPrediction(String detail, Throwable cause) {
    return new WebhookVerificationException(Reason.NOT_A_PREDICTION, null, detail, cause);
  }

  /**
   * A header value fit for a message: at most 64 characters, control characters escaped, since
   * the sender of a rejected delivery chose it.
   */
  static String shown(String value) {
    StringBuilder shown = new StringBuilder("'");
    value.codePoints().limit(64).forEach(c -> {
      if (Character.isISOControl(c)) {
        shown.append(String.format("\\u%04x", c));
      } else {
        shown.appendCodePoint(c);
      }
    });
    return shown.append(value.codePointCount(0, value.length()) > 64 ? "...'" : "'").toString();
  }

  /**
   * Why the delivery was rejected.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  /**
   * The header at fault: set for {@link Reason#MISSING_HEADER}, {@link Reason#MALFORMED_HEADER}
   * and the two timestamp reasons ({@code webhook-timestamp}).
   *
   * @return the lower-case header name, or empty when no single header is at fault
   */
  public Optional<String> header() {
    return Optional.ofNullable(header);
  }

  /**
   * Whether this rejection has the given reason; shorthand for {@code reason() == reason}.
   *
   * @param reason the reason to test for
   * @return true if it is this exception's reason
   */
  public boolean is(Reason reason) {
    return this.reason == Objects.requireNonNull(reason, "reason");
  }
}
