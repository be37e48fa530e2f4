package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where and how long a retry waits: server-requested delays are clamped to
 * {@link RetryPolicy#maxRetryAfter()}, a synchronous call never sleeps past its timeout (it
 * reports the 429 instead), and an asynchronous call waits on the scheduler, never with the
 * sleeper on an HTTP thread.
 */
class RetryBudgetTest {
  private MockWebServer server;
  private final RecordingSleeper sleeper = new RecordingSleeper();

  @BeforeEach
  void start() throws Exception {
    server = TestHttp.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aRetryAfterBeyondTheCapIsClampedToIt() {
    server.enqueue(rateLimited(86_400));
    server.enqueue(PredictionJson.prediction("p1").ok());

    try (ReplicateClient client = TestHttp.clientFor(server, sleeper).build()) {
      assertThat(client.get("p1").id()).isEqualTo("p1");
    }

    assertThat(sleeper.millis()).containsExactly(60_000L);
  }

  @Test
  void aRetryThatWouldOutliveTheCallTimeoutIsNotSleptAndTheRateLimitSurfaces() {
    server.enqueue(rateLimited(30));
    server.enqueue(PredictionJson.prediction("p1").ok());

    try (ReplicateClient client = TestHttp.clientFor(server, sleeper)
        .callTimeout(Duration.ofSeconds(10)).build()) {
      RateLimitException e = catchThrowableOfType(() -> client.get("p1"),
          RateLimitException.class);

      assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
    }

    assertThat(sleeper.millis()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anAsyncRetryWaitsOnTheSchedulerWithTheCappedDelay() throws Exception {
    server.enqueue(rateLimited(86_400));
    server.enqueue(PredictionJson.prediction("p1").ok());
    List<Duration> scheduled = new CopyOnWriteArrayList<>();
    Ticker recording = (task, delay) -> {
      scheduled.add(delay);
      task.run();
      return CompletableFuture.completedFuture(null);
    };

    try (ReplicateClient client = TestHttp.clientFor(server, sleeper).ticker(recording).build()) {
      assertThat(client.calls().cancelAsync("p1").get(10, TimeUnit.SECONDS).id())
          .isEqualTo("p1");
    }

    assertThat(sleeper.millis()).as("nothing slept on an HTTP thread").isEmpty();
    assertThat(scheduled).containsExactly(Duration.ofSeconds(60));
  }

  @Test
  void aCreateThatFailedBeforeBeingSentSaysNothingWasCreated() throws Exception {
    int port = TestHttp.unusedPort();
    try (ReplicateClient client = ReplicateClient.builder().apiKey(TestHttp.API_KEY)
        .baseUrl("http://127.0.0.1:" + port).sleeper(sleeper).build()) {
      ConnectionException e = catchThrowableOfType(
          () -> client.create(TestHttp.MODEL, TestHttp.input()), ConnectionException.class);

      assertThat(e.mayHaveCreated()).isFalse();
      assertThat(e.getMessage()).doesNotContain("may exist");
    }
  }

  private static MockResponse rateLimited(long seconds) {
    return TestHttp.problem(429, "Too Many Requests", "slow down").newBuilder()
        .setHeader("Retry-After", seconds).build();
  }
}
