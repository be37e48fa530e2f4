package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The retry delays of a GET: exponential from the initial backoff, capped, jittered, bounded. */
class RetryBackoffTest extends ServerTest {
  @Test
  void delaysDoubleFromTheInitialBackoff() {
    enqueueUnavailable(3);
    server.enqueue(PredictionJson.prediction("p1").ok());

    try (ReplicateClient client = builder().build()) {
      assertThat(client.get("p1").id()).isEqualTo("p1");
    }

    assertThat(sleeper.millis()).containsExactly(500L, 1000L, 2000L);
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void delaysNeverExceedMaxBackoff() {
    RetryPolicy policy = RetryPolicy.builder().jitter(0).maxAttempts(6)
        .initialBackoff(Duration.ofMillis(500)).maxBackoff(Duration.ofMillis(1200)).build();
    enqueueUnavailable(5);
    server.enqueue(PredictionJson.prediction("p1").ok());

    try (ReplicateClient client = builder().retryPolicy(policy).build()) {
      client.get("p1");
    }

    assertThat(sleeper.millis()).containsExactly(500L, 1000L, 1200L, 1200L, 1200L);
  }

  @Test
  void afterMaxAttemptsTheLastErrorSurfaces() {
    RetryPolicy policy = RetryPolicy.builder().jitter(0).maxAttempts(3).build();
    enqueueUnavailable(3);
    // A fourth answer that would succeed: reaching it would mean one attempt too many.
    server.enqueue(PredictionJson.prediction("p1").ok());

    try (ReplicateClient client = builder().retryPolicy(policy).build()) {
      assertThatThrownBy(() -> client.get("p1"))
          .isInstanceOfSatisfying(ServerException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(503);
            assertThat(e.problem().detail()).contains("upstream busy");
          });
    }

    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeper.millis()).containsExactly(500L, 1000L);
  }

  @Test
  void noRetryPolicyMakesExactlyOneAttempt() {
    enqueueUnavailable(2);

    try (ReplicateClient client =
        builder().retryPolicy(RetryPolicy.NONE).build()) {
      assertThatThrownBy(() -> client.get("p1")).isInstanceOf(ServerException.class);
    }

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.millis()).isEmpty();
  }

  @Test
  void jitterShortensEachDelayByAtMostItsFraction() {
    RetryPolicy policy = RetryPolicy.builder().jitter(0.5).build();
    // The extremes of the random sample (0 and just under 1) and the middle.
    Deque<Double> samples = new ArrayDeque<>(List.of(0.0, 0.5, 0.999999));
    enqueueUnavailable(3);
    server.enqueue(PredictionJson.prediction("p1").ok());

    try (ReplicateClient client = builder().retryPolicy(policy)
        .random(samples::removeFirst).build()) {
      client.get("p1");
    }

    // 500 * (1 - 0.5 * 0), 1000 * (1 - 0.5 * 0.5), 2000 * (1 - 0.5 * 0.999999)
    assertThat(sleeper.millis()).containsExactly(500L, 750L, 1000L);
  }

  @Test
  void randomJitterStaysWithinBounds() {
    double jitter = 0.3;
    RetryPolicy policy = RetryPolicy.builder().jitter(jitter).maxAttempts(8)
        .maxBackoff(Duration.ofSeconds(8)).build();
    Random random = new Random(20261102L);
    enqueueUnavailable(7);
    server.enqueue(PredictionJson.prediction("p1").ok());

    try (ReplicateClient client = builder().retryPolicy(policy)
        .random(random::nextDouble).build()) {
      client.get("p1");
    }

    List<Long> delays = sleeper.millis();
    long[] unjittered = {500, 1000, 2000, 4000, 8000, 8000, 8000};
    assertThat(delays).hasSize(unjittered.length);
    for (int i = 0; i < unjittered.length; i++) {
      assertThat(delays.get(i)).as("delay before retry %d", i + 1)
          .isBetween(Math.round(unjittered[i] * (1 - jitter)), unjittered[i]);
    }
    // Jitter was applied at all: not every delay is the unjittered one.
    assertThat(delays).isNotEqualTo(List.of(500L, 1000L, 2000L, 4000L, 8000L, 8000L, 8000L));
  }

  private void enqueueUnavailable(int times) {
    for (int i = 0; i < times; i++) {
      server.enqueue(TestHttp.problem(503, "Service Unavailable", "upstream busy"));
    }
  }
}
