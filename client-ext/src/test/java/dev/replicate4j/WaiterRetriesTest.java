package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;

import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A waiter's failed poll is retried once, by the waiter on its scheduler, not also by the client's
 * retry interceptor asleep on an HTTP thread.
 */
class WaiterRetriesTest {
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
  void aFailedPollIsRetriedByTheWaiterAlone() {
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

  @Test
  void aDirectReadIsStillRetriedByTheClient() {
    server.enqueue(TestHttp.problem(503, "Service Unavailable", "busy"));
    server.enqueue(PredictionJson.prediction("p1").succeeded().ok());

    try (ReplicateClient client = TestHttp.clientFor(server, sleeper).build()) {
      assertThat(client.get("p1").status()).isEqualTo(PredictionStatus.SUCCEEDED);
    }

    assertThat(sleeper.millis()).hasSize(1);
  }
}
