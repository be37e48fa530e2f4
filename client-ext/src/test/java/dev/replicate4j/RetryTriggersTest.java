package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which failures of a read (GET) and of a cancel are retried, and which surface at once; that a
 * wait's failed poll is retried by the waiter alone, not also by the client asleep on an HTTP thread;
 * and how long a retry waits: server-requested delays are clamped to
 * {@link RetryPolicy#maxRetryAfter()}, a synchronous call never sleeps past its timeout (it reports
 * the 429 instead), and an asynchronous call waits on the scheduler, never with the sleeper.
 */
class RetryTriggersTest extends ServerTest {
  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {408, 429, 500, 502, 503, 504})
  void getIsRetriedOnTransientStatus(int code) throws Exception {
    server.enqueue(TestHttp.problem(code, "Transient", "try again"));
    server.enqueue(PredictionJson.prediction("p1").status("processing").ok());

    try (ReplicateClient client = builder().build()) {
      assertThat(client.get("p1").status()).isEqualTo(PredictionStatus.PROCESSING);
    }

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeper.millis()).containsExactly(500L);
    for (int i = 0; i < 2; i++) {
      assertThat(server.takeRequest().getTarget()).isEqualTo(TestHttp.PREDICTIONS + "/p1");
    }
  }

  @Test
  void getIsRetriedAfterTheConnectionDrops() {
    server.enqueue(new MockResponse.Builder()
        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(PredictionJson.prediction("p1").ok());

    try (ReplicateClient client = builder().build()) {
      assertThat(client.get("p1").id()).isEqualTo("p1");
    }

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeper.millis()).containsExactly(500L);
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {400, 401, 403, 404, 409, 422})
  void getIsNotRetriedOnClientErrors(int code) {
    server.enqueue(TestHttp.problem(code, "Client error", "will not change on retry"));
    server.enqueue(PredictionJson.prediction("p1").ok());

    try (ReplicateClient client = builder().build()) {
      assertThatThrownBy(() -> client.get("p1"))
          .isInstanceOfSatisfying(ApiException.class,
              e -> assertThat(e.statusCode()).isEqualTo(code));
    }

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.millis()).isEmpty();
  }

  @Test
  void cancelIsRetriedOnServerErrorBecauseRepeatingItIsHarmless() throws Exception {
    server.enqueue(TestHttp.problem(502, "Bad Gateway", "upstream hiccup"));
    server.enqueue(PredictionJson.prediction("p1").status("canceled").ok());

    try (ReplicateClient client = builder().build()) {
      assertThat(client.cancel("p1").status()).isEqualTo(PredictionStatus.CANCELED);
    }

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(server.takeRequest().getTarget()).isEqualTo(TestHttp.PREDICTIONS + "/p1/cancel");
    assertThat(sleeper.millis()).containsExactly(500L);
  }

  @Test
  void aFailedPollOfAWaitIsRetriedByTheWaiterAlone() {
    server.enqueue(TestHttp.problem(503, "Service Unavailable", "busy"));
    server.enqueue(PredictionJson.prediction("p1").succeeded().ok());

    Prediction p = awaitWithoutSleeping("p1");

    assertThat(p.status()).isEqualTo(PredictionStatus.SUCCEEDED);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeper.millis()).as("retry interceptor sleeps").isEmpty();
  }

  @Test
  void aRetryAfterBeyondTheCapIsClampedToIt() {
    server.enqueue(rateLimited(86_400));
    server.enqueue(PredictionJson.prediction("p1").ok());

    try (ReplicateClient client = builder().build()) {
      assertThat(client.get("p1").id()).isEqualTo("p1");
    }

    assertThat(sleeper.millis()).containsExactly(60_000L);
  }

  @Test
  void aRetryThatWouldOutliveTheCallTimeoutIsNotSleptAndTheRateLimitSurfaces() {
    server.enqueue(rateLimited(30));
    server.enqueue(PredictionJson.prediction("p1").ok());

    try (ReplicateClient client = builder()
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

    try (ClientParts client =
        ClientParts.wire(builder().ticker(recording).config())) {
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
