package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which failures of a read (GET) and of a cancel are retried, and which surface at once; and that a
 * wait's failed poll is retried by the waiter alone, not also by the client asleep on an HTTP thread.
 */
class RetryTriggersTest {
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

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {408, 429, 500, 502, 503, 504})
  void getIsRetriedOnTransientStatus(int code) throws Exception {
    server.enqueue(TestHttp.problem(code, "Transient", "try again"));
    server.enqueue(PredictionJson.prediction("p1").status("processing").ok());

    try (ReplicateClient client = TestHttp.clientFor(server, sleeper).build()) {
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

    try (ReplicateClient client = TestHttp.clientFor(server, sleeper).build()) {
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

    try (ReplicateClient client = TestHttp.clientFor(server, sleeper).build()) {
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

    try (ReplicateClient client = TestHttp.clientFor(server, sleeper).build()) {
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

    Prediction p;
    try (ReplicateClient client = TestHttp.clientFor(server, sleeper)
        .ticker(new ImmediateTicker()).build()) {
      p = client.resume("p1").await();
    }

    assertThat(p.status()).isEqualTo(PredictionStatus.SUCCEEDED);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeper.millis()).as("retry interceptor sleeps").isEmpty();
  }
}
