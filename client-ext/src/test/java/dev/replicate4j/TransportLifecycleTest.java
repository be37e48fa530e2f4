package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import mockwebserver3.RecordedRequest;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The User-Agent, and what closing a client releases (only what it created). */
class TransportLifecycleTest extends ServerTest {
  @Test
  void userAgentNamesTheSdkItsVersionAndJava() throws Exception {
    server.enqueue(PredictionJson.prediction("p1").ok());

    try (ReplicateClient client = builder().build()) {
      client.get("p1");
    }

    String userAgent = server.takeRequest().getHeaders().get("User-Agent");
    assertThat(userAgent).matches("replicate4j/\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)? Java/"
        + Pattern.quote(System.getProperty("java.version")) + " \\(.+\\)");
    // The version came from the build, not an unfiltered placeholder.
    assertThat(userAgent).doesNotContain("${").doesNotContain("null");
  }

  @Test
  void closingLeavesAGivenOkHttpClientUsable() throws Exception {
    OkHttpClient shared = new OkHttpClient();
    server.enqueue(PredictionJson.prediction("p1").ok());
    server.enqueue(TestHttp.json(200, "{}"));
    server.enqueue(TestHttp.json(200, "{}"));

    try (ReplicateClient client = builder()
        .okHttpClient(shared).build()) {
      client.get("p1");
    }

    assertThat(shared.dispatcher().executorService().isShutdown()).isFalse();
    try (Response response = shared.newCall(new Request.Builder().url(server.url("/health"))
        .build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }
    // Async use needs the dispatcher's threads, which must still be there.
    CompletableFuture<Integer> async = new CompletableFuture<>();
    shared.newCall(new Request.Builder().url(server.url("/health")).build())
        .enqueue(new Callback() {
          @Override
          public void onFailure(Call call, IOException e) {
            async.completeExceptionally(e);
          }

          @Override
          public void onResponse(Call call, Response response) {
            response.close();
            async.complete(response.code());
          }
        });
    assertThat(async.get(10, TimeUnit.SECONDS)).isEqualTo(200);

    server.takeRequest();
    RecordedRequest own = server.takeRequest();
    // The SDK's interceptors live on a derived client: the shared one sends no token of ours.
    assertThat(own.getHeaders().names()).doesNotContain("Authorization");
    assertThat(own.getHeaders().get("User-Agent")).doesNotContain("replicate4j");
    shared.dispatcher().executorService().shutdown();
  }

  @Test
  void closingLeavesAGivenSchedulerRunning() {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      ReplicateClient client = builder()
          .scheduler(scheduler).build();
      client.close();
      assertThat(scheduler.isShutdown()).isFalse();
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void closingReleasesTheClientsOwnThreadsAndConnections() throws Exception {
    server.enqueue(PredictionJson.prediction("p1").ok());
    ClientParts client =
        ClientParts.wire(builder().config());
    OkHttpClient http = client.transport().apiClient();
    assertThat(client.calls().pollAsync("p1", Duration.ofSeconds(10)).get(10, TimeUnit.SECONDS)
        .id()).isEqualTo("p1");
    assertThat(http.connectionPool().connectionCount()).isPositive();

    client.close();
    client.close(); // closing twice is harmless

    assertThat(http.dispatcher().executorService().isShutdown()).isTrue();
    assertThat(http.connectionPool().connectionCount()).isZero();
    // Async work after close fails at once instead of hanging.
    assertThatThrownBy(
        () -> client.calls().pollAsync("p1", Duration.ofSeconds(10)).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(ConnectionException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void closingEndsTheWaitsStillInProgress() throws Exception {
    for (int i = 0; i < 50; i++) {
      server.enqueue(PredictionJson.prediction("p1").status("processing").ok());
    }
    ReplicateClient client = builder().build();
    CompletableFuture<Prediction> waiting = client.resume("p1").awaitAsync();
    server.takeRequest(10, TimeUnit.SECONDS); // the wait is polling

    client.close();

    assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(ReplicateException.class)
        .hasMessageContaining("client was closed while waiting for prediction p1");
  }
}
