package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/**
 * The server's requested wait replaces the computed backoff: the {@code Retry-After} header
 * (seconds or an HTTP date), else a {@code retry_after} body member, never longer than
 * maxRetryAfter.
 */
class RetryAfterTest extends ServerTest {
  private static final Instant NOW = Instant.parse("2026-10-21T07:28:00Z");

  @Test
  void headerInSeconds() {
    server.enqueue(limited().setHeader("Retry-After", "7").build());
    server.enqueue(PredictionJson.prediction("p1").ok());

    getWith(builder());

    assertThat(sleeper.millis()).containsExactly(7000L);
  }

  @Test
  void headerAsHttpDateIsMeasuredFromTheInjectedClock() {
    server.enqueue(limited().setHeader("Retry-After", "Wed, 21 Oct 2026 07:28:12 GMT").build());
    server.enqueue(PredictionJson.prediction("p1").ok());

    getWith(builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)));

    assertThat(sleeper.millis()).containsExactly(12_000L);
  }

  @Test
  void httpDateInThePastMeansRetryAtOnce() {
    server.enqueue(limited().setHeader("Retry-After", "Wed, 21 Oct 2026 07:27:00 GMT").build());
    server.enqueue(PredictionJson.prediction("p1").ok());

    getWith(builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)));

    assertThat(sleeper.millis()).containsExactly(0L);
  }

  @Test
  void bodyFieldWhenThereIsNoHeader() {
    server.enqueue(
        TestHttp.json(429, "{\"detail\":\"Request was throttled.\",\"retry_after\":4.5}"));
    server.enqueue(PredictionJson.prediction("p1").ok());

    getWith(builder());

    assertThat(sleeper.millis()).containsExactly(4500L);
  }

  @Test
  void headerTakesPrecedenceOverBody() {
    server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "2")
        .setHeader("Content-Type", "application/json")
        .body("{\"detail\":\"busy\",\"retry_after\":9}").build());
    server.enqueue(PredictionJson.prediction("p1").ok());

    getWith(builder());

    assertThat(sleeper.millis()).containsExactly(2000L);
  }

  @Test
  void headerIsCappedAtMaxRetryAfter() {
    RetryPolicy policy =
        RetryPolicy.builder().jitter(0).maxRetryAfter(Duration.ofSeconds(30)).build();
    server.enqueue(limited().setHeader("Retry-After", "3600").build());
    server.enqueue(PredictionJson.prediction("p1").ok());

    getWith(builder().retryPolicy(policy));

    assertThat(sleeper.millis()).containsExactly(30_000L);
  }

  @Test
  void bodyFieldIsCappedAtMaxRetryAfter() {
    RetryPolicy policy =
        RetryPolicy.builder().jitter(0).maxRetryAfter(Duration.ofSeconds(30)).build();
    server.enqueue(TestHttp.json(429, "{\"detail\":\"slow down\",\"retry_after\":600}"));
    server.enqueue(PredictionJson.prediction("p1").ok());

    getWith(builder().retryPolicy(policy));

    assertThat(sleeper.millis()).containsExactly(30_000L);
  }

  @Test
  void unreadableHeaderFallsBackToBackoff() {
    server.enqueue(limited().setHeader("Retry-After", "soon").build());
    server.enqueue(PredictionJson.prediction("p1").ok());

    getWith(builder());

    assertThat(sleeper.millis()).containsExactly(500L);
  }

  private static MockResponse.Builder limited() {
    return new MockResponse.Builder().code(429).setHeader("Content-Type", "application/json")
        .body("{\"detail\":\"Request was throttled.\"}");
  }

  private void getWith(ReplicateClientBuilder builder) {
    try (ReplicateClient client = builder.build()) {
      assertThat(client.get("p1").id()).isEqualTo("p1");
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }
}
