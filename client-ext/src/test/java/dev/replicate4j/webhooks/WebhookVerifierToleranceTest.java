package dev.replicate4j.webhooks;

import static dev.replicate4j.webhooks.Deliveries.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.replicate4j.webhooks.WebhookVerificationException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The timestamp must be within the tolerance of the verifier's clock, in both directions. */
class WebhookVerifierToleranceTest {
  private static final byte[] BODY = Deliveries.prediction("p1", "processing");
  private static final long FIVE_MINUTES = 300;

  private final WebhookVerifier verifier = Deliveries.verifier(); // clock at TIMESTAMP

  @Test
  void theDefaultToleranceIsFiveMinutes() {
    assertThat(WebhookVerifier.DEFAULT_TOLERANCE).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void acceptsATimestampExactlyTheToleranceInThePast() {
    assertAccepted(verifier, TIMESTAMP - FIVE_MINUTES);
  }

  @Test
  void rejectsATimestampOneSecondMoreInThePast() {
    WebhookVerificationException e = rejected(verifier, TIMESTAMP - FIVE_MINUTES - 1);
    assertThat(e.reason()).isEqualTo(Reason.STALE_TIMESTAMP);
    assertThat(e.header()).contains("webhook-timestamp");
    assertThat(e).hasMessageContaining("301 s before").hasMessageContaining("tolerance of 300 s");
  }

  @Test
  void acceptsATimestampExactlyTheToleranceInTheFuture() {
    assertAccepted(verifier, TIMESTAMP + FIVE_MINUTES);
  }

  @Test
  void rejectsATimestampOneSecondMoreInTheFuture() {
    WebhookVerificationException e = rejected(verifier, TIMESTAMP + FIVE_MINUTES + 1);
    assertThat(e.reason()).isEqualTo(Reason.FUTURE_TIMESTAMP);
    assertThat(e.header()).contains("webhook-timestamp");
    assertThat(e).hasMessageContaining("301 s after");
  }

  @Test
  void rejectsFarAwayTimestamps() {
    assertThat(rejected(verifier, 0).reason()).isEqualTo(Reason.STALE_TIMESTAMP);
    assertThat(rejected(verifier, 9_999_999_999_999_999L).reason())
        .isEqualTo(Reason.FUTURE_TIMESTAMP);
  }

  @Test
  void comparesWholeSecondsSoAClockBetweenSecondsDoesNotShiftTheEdge() {
    // The clock reads 0.999 s after TIMESTAMP; that is still second TIMESTAMP.
    WebhookVerifier late = WebhookVerifier.builder().secret(Deliveries.SECRET)
        .clock(Clock.fixed(Instant.ofEpochSecond(TIMESTAMP, 999_000_000), ZoneOffset.UTC))
        .build();
    assertAccepted(late, TIMESTAMP - FIVE_MINUTES);
    assertThat(rejected(late, TIMESTAMP - FIVE_MINUTES - 1).reason())
        .isEqualTo(Reason.STALE_TIMESTAMP);
    assertAccepted(late, TIMESTAMP + FIVE_MINUTES);
  }

  @Test
  void honoursAConfiguredTolerance() {
    WebhookVerifier strict = WebhookVerifier.builder().secret(Deliveries.SECRET)
        .clock(Deliveries.clockAt(TIMESTAMP)).tolerance(Duration.ofSeconds(30)).build();

    assertAccepted(strict, TIMESTAMP - 30);
    assertAccepted(strict, TIMESTAMP + 30);
    assertThat(rejected(strict, TIMESTAMP - 31).reason()).isEqualTo(Reason.STALE_TIMESTAMP);
    assertThat(rejected(strict, TIMESTAMP + 31).reason()).isEqualTo(Reason.FUTURE_TIMESTAMP);
  }

  @Test
  void readsTheClockOnEveryDelivery() {
    MutableClock clock = new MutableClock(Instant.ofEpochSecond(TIMESTAMP));
    WebhookVerifier moving = WebhookVerifier.builder().secret(Deliveries.SECRET).clock(clock)
        .build();
    assertAccepted(moving, TIMESTAMP);

    clock.advance(Duration.ofSeconds(FIVE_MINUTES + 1));

    assertThat(rejected(moving, TIMESTAMP).reason()).isEqualTo(Reason.STALE_TIMESTAMP);
  }

  @Test
  void anUntimelyForgeryIsABadSignatureNotAStaleTimestamp() {
    // Stale is reported only for authentic deliveries: a forgery says nothing about clocks.
    String ts = Long.toString(TIMESTAMP - 3600);
    WebhookVerificationException e = catchThrowableOfType(WebhookVerificationException.class,
        () -> verifier.verify(Deliveries.headers(Deliveries.ID, ts,
            "v1," + Deliveries.sign(Deliveries.SECRET, Deliveries.ID, "1", BODY)), BODY));
    assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void rejectsAToleranceThatIsNotPositive() {
    WebhookVerifier.Builder builder = WebhookVerifier.builder();
    assertThatThrownBy(() -> builder.tolerance(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    assertThatThrownBy(() -> builder.tolerance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-1S");
    assertThatThrownBy(() -> builder.tolerance(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> builder.clock(null)).isInstanceOf(NullPointerException.class);
  }

  private static void assertAccepted(WebhookVerifier verifier, long timestamp) {
    VerifiedWebhook webhook = verifier.verify(Deliveries.signed(timestamp, BODY), BODY);
    assertThat(webhook.timestamp()).isEqualTo(Instant.ofEpochSecond(timestamp));
  }

  private static WebhookVerificationException rejected(WebhookVerifier verifier, long timestamp) {
    WebhookVerificationException e = catchThrowableOfType(WebhookVerificationException.class,
        () -> verifier.verify(Deliveries.signed(timestamp, BODY), BODY));
    assertThat(e).as("expected a rejection of " + timestamp).isNotNull();
    return e;
  }
}
