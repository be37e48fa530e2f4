package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code maxConcurrentRequests} bounds the threads of a client's own OkHttp client. */
class HttpThreadBoundsTest extends ServerTest {
  @BeforeEach
  void answerSlowly() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        Thread.sleep(5); // long enough for calls to pile up behind the running ones
        String path = request.getUrl().encodedPath();
        return PredictionJson.prediction(path.substring(path.lastIndexOf('/') + 1)).ok();
      }
    });
  }

  @Test
  void manyAsyncCallsNeverUseMoreDispatcherThreadsThanMaxConcurrentRequests() throws Exception {
    try (ClientParts client = ClientParts.wire(builder()
        .maxConcurrentRequests(3).config())) {
      List<CompletableFuture<Prediction>> calls = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        calls.add(client.calls().pollAsync("p" + i, Duration.ofSeconds(10)));
      }
      for (int i = 0; i < calls.size(); i++) {
        assertThat(calls.get(i).get(30, TimeUnit.SECONDS).id()).isEqualTo("p" + i);
      }

      OkHttpClient http = client.transport().apiClient();
      ThreadPoolExecutor pool = (ThreadPoolExecutor) http.dispatcher().executorService();
      // A hand-off pool starts a thread whenever a call is handed over while the thread that
      // finished the previous one is still busy; the bound must hold over the whole run.
      assertThat(pool.getLargestPoolSize()).isBetween(1, 3);
    }
  }

  @Test
  void ownClientsOpenConnectionsWithoutFastFallback() {
    try (ClientParts client =
        ClientParts.wire(builder().config())) {
      // With fast fallback OkHttp opens connections on its own shared threads, one more thread per
      // connection being opened, outside maxConcurrentRequests.
      assertThat(client.transport().apiClient().fastFallback()).isFalse();
      assertThat(client.transport().downloadClient().fastFallback()).isFalse();
    }
  }

  @Test
  void aGivenOkHttpClientKeepsItsOwnConnectSetting() {
    OkHttpClient shared = new OkHttpClient.Builder().fastFallback(true).build();
    try (ClientParts client = ClientParts.wire(builder()
        .okHttpClient(shared).config())) {
      assertThat(client.transport().apiClient().fastFallback()).isTrue();
    } finally {
      shared.dispatcher().executorService().shutdown();
    }
  }
}
