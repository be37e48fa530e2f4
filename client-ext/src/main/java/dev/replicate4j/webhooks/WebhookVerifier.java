package dev.replicate4j.webhooks;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.replicate4j.Prediction;
import dev.replicate4j.ReplicateException;
import dev.replicate4j.webhooks.WebhookVerificationException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Checks that a webhook delivery is authentic and timely, and returns the prediction it carries.
 *
 * <p>Deliveries follow the Standard Webhooks scheme: headers {@code webhook-id}, {@code
 * webhook-timestamp} (Unix seconds) and {@code webhook-signature} (space-separated {@code
 * v1,<base64>} entries), signed content {@code {id}.{timestamp}.{raw body}}, HMAC-SHA256 with the
 * secret's decoded key. A delivery is accepted when any {@code v1} entry matches (compared in
 * constant time) and its timestamp is within the tolerance of this verifier's clock, in either
 * direction. The signature is checked before the timestamp, so a stale or future timestamp is only
 * ever reported for an authentic delivery, where it points at a replay or a wrong clock rather
 * than a forgery.
 *
 * <p>Framework-neutral: give it the request headers (a map, or a lookup such as a servlet's
 * {@code request::getHeader}) and the body exactly as received, before any JSON parsing. Immutable
 * and thread-safe: build one at start-up and share it.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.builder()
 *     .secret(System.getenv("REPLICATE_WEBHOOK_SECRET"))   // whsec_...
 *     .build();
 * VerifiedWebhook webhook = verifier.verify(headers, rawBody);
 * }</pre>
 */
public final class WebhookVerifier {
  /** The tolerance used unless {@link Builder#tolerance} sets another: five minutes. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  static final String ID_HEADER = "webhook-id";
  static final String TIMESTAMP_HEADER = "webhook-timestamp";
  static final String SIGNATURE_HEADER = "webhook-signature";
  /** 16 digits reach the year 300 million and keep every accepted value an {@link Instant}. */
  private static final int MAX_TIMESTAMP_DIGITS = 16;

  private final SigningKey key;
  private final Duration tolerance;
  private final Clock clock;

  private WebhookVerifier(Builder builder) {
    this.key = builder.key;
    this.tolerance = builder.tolerance;
    this.clock = builder.clock;
  }

  /**
   * Starts a verifier; {@link Builder#secret} is required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies a delivery given its headers as a map, as most servers expose them. Header names are
   * matched without regard to case.
   *
   * @param headers the request headers
   * @param body the request body, byte for byte as received
   * @return the verified delivery
   * @throws WebhookVerificationException if the delivery must be rejected; its reason says why
   */
  public VerifiedWebhook verify(Map<String, List<String>> headers, byte[] body) {
    Objects.requireNonNull(headers, "headers");
    return verify(HeaderLookup.of(headers), body);
  }

  /**
   * Verifies a delivery given a header lookup, such as a servlet's {@code request::getHeader}. The
   * lookup is called with lower-case names and returns null for an absent header; it should match
   * names without regard to case, as HTTP requires.
   *
   * @param header returns a header's value by name, or null
   * @param body the request body, byte for byte as received
   * @return the verified delivery
   * @throws WebhookVerificationException if the delivery must be rejected; its reason says why
   */
  public VerifiedWebhook verify(Function<String, String> header, byte[] body) {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(body, "body");
    String id = HeaderLookup.require(header, ID_HEADER);
    String timestampText = HeaderLookup.require(header, TIMESTAMP_HEADER);
    String signatureText = HeaderLookup.require(header, SIGNATURE_HEADER);
    Instant timestamp = parseTimestamp(timestampText);
    List<byte[]> candidates = SignatureHeader.v1Signatures(signatureText);

    byte[] expected = key.sign(id, timestampText, body);
    boolean matched = false;
    for (byte[] candidate : candidates) {
      matched |= MessageDigest.isEqual(expected, candidate); // constant time, no early exit
    }
    if (!matched) {
      throw WebhookVerificationException.badSignature(describeCandidates(candidates.size())
          + " the signed content of webhook " + WebhookVerificationException.shown(id)
          + ": wrong secret, or the id, timestamp or body changed on the way (was the body"
          + " re-encoded or parsed before verifying?)");
    }
    checkTolerance(timestamp);
    return new VerifiedWebhook(id, timestamp, parsePrediction(id, body));
  }

  /** Base64 of the v1 signature this verifier expects; lets tests compare with other tools. */
  String expectedSignature(String id, String timestamp, byte[] body) {
    return Base64.getEncoder().encodeToString(key.sign(id, timestamp, body));
  }

  private static String describeCandidates(int count) {
    return count == 1 ? "the v1 signature does not match" : "none of the " + count
        + " v1 signatures matches";
  }

  private static Instant parseTimestamp(String text) {
    boolean digits = text.length() <= MAX_TIMESTAMP_DIGITS
        && text.chars().allMatch(c -> c >= '0' && c <= '9'); // ASCII only, unlike Long.parseLong
    if (!digits) {
      throw WebhookVerificationException.malformedHeader(TIMESTAMP_HEADER,
          "is not a Unix time in whole seconds (1 to " + MAX_TIMESTAMP_DIGITS + " digits): "
              + WebhookVerificationException.shown(text));
    }
    return Instant.ofEpochSecond(Long.parseLong(text));
  }

  private void checkTolerance(Instant timestamp) {
    // Whole seconds on both sides, as the header is: "exactly at the tolerance" is then exact.
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Duration age = Duration.between(timestamp, now);
    if (age.compareTo(tolerance) > 0) {
      throw WebhookVerificationException.untimely(Reason.STALE_TIMESTAMP, TIMESTAMP_HEADER + " "
          + timestamp.getEpochSecond() + " (" + timestamp + ") is " + seconds(age)
          + " before the receiver's clock (" + now + "), beyond the tolerance of "
          + seconds(tolerance) + ": a replay, a very late delivery, or a wrong clock");
    }
    if (age.negated().compareTo(tolerance) > 0) {
      throw WebhookVerificationException.untimely(Reason.FUTURE_TIMESTAMP, TIMESTAMP_HEADER + " "
          + timestamp.getEpochSecond() + " (" + timestamp + ") is " + seconds(age.negated())
          + " after the receiver's clock (" + now + "), beyond the tolerance of "
          + seconds(tolerance) + ": the receiver's or the sender's clock is wrong");
    }
  }

  private static Prediction parsePrediction(String webhookId, byte[] body) {
    String id = WebhookVerificationException.shown(webhookId);
    String json;
    try {
      json = UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw WebhookVerificationException.notAPrediction(
          "the body of webhook " + id + " is not valid UTF-8", e);
    }
    Prediction prediction;
    try {
      prediction = Prediction.parse(json);
    } catch (ReplicateException e) {
      throw WebhookVerificationException.notAPrediction(
          "the body of webhook " + id + " is not a prediction: " + e.getMessage(), e);
    }
    if (prediction.id() == null || prediction.id().isEmpty()) {
      throw WebhookVerificationException.notAPrediction(
          "the body of webhook " + id + " is not a prediction: it has no \"id\"", null);
    }
    if (prediction.rawStatus().isEmpty()) {
      throw WebhookVerificationException.notAPrediction("the body of webhook " + id
          + " is not a prediction: it has no \"status\"", null);
    }
    return prediction;
  }

  /** The check of this package's durations (tolerance, ttl): present and positive. */
  static Duration positive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return value;
  }

  private static String seconds(Duration duration) {
    return duration.getNano() == 0 ? duration.getSeconds() + " s" : duration.toString();
  }

  @Override
  public String toString() {
    return "WebhookVerifier{secret=redacted, tolerance=" + tolerance + ", clock=" + clock + "}";
  }

  /** Configures a {@link WebhookVerifier}. Not thread-safe; the verifier it builds is. */
  public static final class Builder {
    private SigningKey key;
    private Duration tolerance = DEFAULT_TOLERANCE;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * The webhook signing secret, as {@code whsec_<base64>} or as the base64 part alone. Decoded
     * at once, so a wrong value fails here and not on the first delivery.
     *
     * @param secret the signing secret
     * @return this builder
     * @throws IllegalArgumentException if it is empty or not base64; the message never quotes it
     */
    public Builder secret(String secret) {
      this.key = SigningKey.parse(secret);
      return this;
    }

    /**
     * How far a delivery's timestamp may be from this verifier's clock, in the past or in the
     * future. Default {@link WebhookVerifier#DEFAULT_TOLERANCE five minutes}. A timestamp exactly
     * the tolerance away is accepted; timestamps are whole seconds, and so is the clock's reading.
     *
     * @param tolerance a positive duration
     * @return this builder
     * @throws IllegalArgumentException if it is zero or negative
     */
    public Builder tolerance(Duration tolerance) {
      this.tolerance = positive("tolerance", tolerance);
      return this;
    }

    /**
     * The clock timestamps are compared with. Default: the system clock.
     *
     * @param clock the clock, for example a fixed one in tests
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the verifier.
     *
     * @return an immutable verifier
     * @throws IllegalStateException if no secret was given
     */
    public WebhookVerifier build() {
      if (key == null) {
        throw new IllegalStateException(
            "A webhook secret is required: call secret(\"whsec_...\") before build()");
      }
      return new WebhookVerifier(this);
    }
  }
}
