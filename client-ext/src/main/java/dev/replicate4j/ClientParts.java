package dev.replicate4j;

import dev.replicate4j.generated.api.PredictionsApi;
import dev.replicate4j.models.FileDownloader;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;

/**
 * The working parts of one {@link ReplicateClient}, wired once from its configuration: the
 * transport, the API calls over it, the runner that creates and waits, and the output downloader.
 * Tests wire these directly to reach what the public client does not show.
 */
record ClientParts(ClientConfig config, Transport transport, ApiCalls calls,
    PredictionRunner runner, Waits waits, FileDownloader downloader) implements AutoCloseable {

  static ClientParts wire(ClientConfig config) {
    Transport transport = Transport.create(config);
    ApiCalls calls = new ApiCalls(api(config.baseUrl(), transport.apiClient()),
        api(config.baseUrl(), transport.asyncClient()), new ErrorMapper(config.clock()),
        config.retryPolicy(), transport.ticker(), config.clock(), config.random(),
        config.callTimeout(), transport.deadlines());
    Waiter.Source source = new Waiter.Source() {
      @Override
      public CompletableFuture<Prediction> get(String id, Duration timeout) {
        return calls.pollAsync(id, timeout);
      }

      @Override
      public CompletableFuture<Prediction> cancel(String id) {
        return calls.cancelAsync(id);
      }
    };
    Waits waits = new Waits(new Waiter.Shared(source, config.retryPolicy(), transport.ticker(),
        config.clock(), config.random()), config.pollingPolicy());
    return new ClientParts(config, transport, calls, new PredictionRunner(calls, waits), waits,
        new OutputDownloader(transport.downloadClient()));
  }

  /**
   * Ends the waits still in progress, then stops what the client owns.
   */
  @Override
  public void close() {
    waits.abandonAll();
    transport.close();
  }

  private static PredictionsApi api(HttpUrl baseUrl, OkHttpClient http) {
    return new Retrofit.Builder()
        .baseUrl(baseUrl)
        .client(http)
        .addConverterFactory(new JsonBodies())
        .build()
        .create(PredictionsApi.class);
  }
}
