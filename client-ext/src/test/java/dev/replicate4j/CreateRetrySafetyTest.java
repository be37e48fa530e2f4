package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

/**
 * A create (POST) is retried only when it surely did not reach the server, so a prediction is never
 * created, and billed, twice. Each test queues a success after the failure: a second POST would
 * take it.
 */
class CreateRetrySafetyTest extends ServerTest {
  @Test
  void noSecondPostAfterServerError() {
    server.enqueue(TestHttp.problem(500, "Internal Server Error", "something broke"));
    server.enqueue(PredictionJson.prediction("p1").created());

    try (ReplicateClient client = builder().build()) {
      assertThatThrownBy(() -> client.create(TestHttp.MODEL, TestHttp.input()))
          .isInstanceOfSatisfying(ServerException.class,
              e -> assertThat(e.statusCode()).isEqualTo(500));
    }

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.millis()).isEmpty();
  }

  @Test
  void noSecondPostAfterA503AskingForAnImmediateRetry() {
    // OkHttp on its own re-sends any request answered 503 with Retry-After: 0.
    server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "0").build());
    server.enqueue(PredictionJson.prediction("p2").created());

    try (ReplicateClient client = builder().build()) {
      assertThatThrownBy(() -> client.create(TestHttp.MODEL, TestHttp.input()))
          .isInstanceOfSatisfying(ServerException.class, e -> {
            assertThat(e.mayHaveCreated()).isTrue();
            assertThat(e.header("Retry-After")).contains("0");
          });
    }

    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void noSecondPostAfterReadTimeout() {
    server.enqueue(new MockResponse.Builder(PredictionJson.prediction("p1").created())
        .headersDelay(2, TimeUnit.SECONDS).build());
    server.enqueue(PredictionJson.prediction("p2").created());

    try (ReplicateClient client = builder()
        .readTimeout(Duration.ofMillis(250)).build()) {
      assertThatThrownBy(() -> client.create(TestHttp.MODEL, TestHttp.input()))
          .isInstanceOf(ConnectionException.class)
          .hasCauseInstanceOf(SocketTimeoutException.class);
    }

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.millis()).isEmpty();
  }

  @Test
  void noSecondPostAfterTheConnectionDropsOnceTheRequestWasSent() throws Exception {
    server.enqueue(new MockResponse.Builder()
        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(PredictionJson.prediction("p2").created());

    try (ReplicateClient client = builder().build()) {
      assertThatThrownBy(() -> client.create(TestHttp.MODEL, TestHttp.input()))
          .isInstanceOf(ConnectionException.class);
    }

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(server.takeRequest().getBodySize()).isPositive();
    assertThat(sleeper.millis()).isEmpty();
  }

  @Test
  void postIsRetriedAfter429WithTheIdenticalBody() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "1")
        .setHeader("Content-Type", "application/json")
        .body("{\"detail\":\"Request was throttled.\"}").build());
    server.enqueue(PredictionJson.prediction("p1").created());

    try (ReplicateClient client = builder().build()) {
      assertThat(client.create(TestHttp.MODEL, TestHttp.input()).id()).isEqualTo("p1");
    }

    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertThat(first.getMethod()).isEqualTo("POST");
    assertThat(second.getMethod()).isEqualTo("POST");
    assertThat(first.getTarget()).isEqualTo(TestHttp.PREDICTIONS);
    assertThat(second.getTarget()).isEqualTo(TestHttp.PREDICTIONS);
    assertThat(first.getBody()).isNotNull();
    assertThat(second.getBody()).isEqualTo(first.getBody());
    assertThat(first.getBody().utf8())
        .contains("\"version\":\"" + TestHttp.MODEL + "\"")
        .contains("\u706f\u5854");
    assertThat(second.getHeaders().get("Content-Type"))
        .isEqualTo(first.getHeaders().get("Content-Type"));
    assertThat(sleeper.millis()).containsExactly(1000L);
  }

  @Test
  void postIsRetriedWhenTheConnectionFailsBeforeAnythingWasWritten() throws Exception {
    ReplicateClientBuilder builder = ReplicateClient.builder()
        .apiKey(TestHttp.API_KEY)
        .baseUrl("http://127.0.0.1:" + TestHttp.unusedPort())
        .sleeper(sleeper)
        .retryPolicy(RetryPolicy.builder().jitter(0).build());

    try (ReplicateClient client = builder.build()) {
      assertThatThrownBy(() -> client.create(TestHttp.MODEL, TestHttp.input()))
          .isInstanceOf(ConnectionException.class)
          .hasMessageContaining("create prediction failed")
          .hasRootCauseInstanceOf(ConnectException.class);
    }

    // Four attempts in all: three waits between them.
    assertThat(sleeper.millis()).containsExactly(500L, 1000L, 2000L);
  }
}
