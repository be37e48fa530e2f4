package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server's requested wait replaces the computed backoff: the {@code Retry-After} header
 * (seconds or an HTTP date), else a {@code retry_after} body member, never longer than
 * maxRetryAfter.
 */
class RetryAfterTest extends ServerTest {
  private static final Instant NOW = Instant.parse("2026-10-21T07:28:00Z");

  @ParameterizedTest(name = "Retry-After: {0} -> {1} ms")
  @CsvSource(delimiter = '|', value = {
      "7                             | 7000",
      // An HTTP date is measured from the injected clock; one in the past means retry at once.
      "Wed, 21 Oct 2026 07:28:12 GMT | 12000",
      "Wed, 21 Oct 2026 07:27:00 GMT | 0",
      // Unreadable: the computed backoff applies.
      "soon                          | 500"})
  void headerSetsTheWait(String header, long millis) {
    assertThat(sleepsBeforeTheRetry(limited().setHeader("Retry-After", header).build(),
        builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)))).containsExactly(millis);
  }

  @Test
  void bodyFieldWhenThereIsNoHeader() {
    assertThat(sleepsBeforeTheRetry(
        TestHttp.json(429, "{\"detail\":\"Request was throttled.\",\"retry_after\":4.5}"),
        builder())).containsExactly(4500L);
  }

  @Test
  void headerTakesPrecedenceOverBody() {
    MockResponse busy = new MockResponse.Builder().code(503).setHeader("Retry-After", "2")
        .setHeader("Content-Type", "application/json")
        .body("{\"detail\":\"busy\",\"retry_after\":9}").build();

    assertThat(sleepsBeforeTheRetry(busy, builder())).containsExactly(2000L);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(booleans = {true, false})
  void headerOrBodyIsCappedAtMaxRetryAfter(boolean inTheHeader) {
    RetryPolicy policy =
        RetryPolicy.builder().jitter(0).maxRetryAfter(Duration.ofSeconds(30)).build();
    MockResponse hour = inTheHeader
        ? limited().setHeader("Retry-After", "3600").build()
        : TestHttp.json(429, "{\"detail\":\"slow down\",\"retry_after\":3600}");

    assertThat(sleepsBeforeTheRetry(hour, builder().retryPolicy(policy)))
        .containsExactly(30_000L);
  }

  @Test
  void aDelayBeyondAnIntOfSecondsIsCappedNotACrash() {
    // OkHttp's own follow-up logic reads this header of a 503 as an int, and threw.
    MockResponse busy = new MockResponse.Builder().code(503)
        .setHeader("Retry-After", "99999999999").build();
    for (int i = 0; i < 4; i++) {
      server.enqueue(busy);
    }

    try (ReplicateClient client = builder().build()) {
      assertThatThrownBy(() -> client.get("p1"))
          .isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(503);
            assertThat(e.header("Retry-After")).contains("99999999999");
          });
    }
    assertThat(sleeper.millis()).containsExactly(60_000L, 60_000L, 60_000L);
  }

  private static MockResponse.Builder limited() {
    return new MockResponse.Builder().code(429).setHeader("Content-Type", "application/json")
        .body("{\"detail\":\"Request was throttled.\"}");
  }

  /** Answers the first get with {@code first}, the retry with the prediction; the sleeps taken. */
  private List<Long> sleepsBeforeTheRetry(MockResponse first, ReplicateClientBuilder builder) {
    server.enqueue(first);
    server.enqueue(PredictionJson.prediction("p1").ok());
    try (ReplicateClient client = builder.build()) {
      assertThat(client.get("p1").id()).isEqualTo("p1");
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    return sleeper.millis();
  }
}
