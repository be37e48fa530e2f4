package dev.replicate4j;

import dev.replicate4j.generated.api.PredictionsApi;
import dev.replicate4j.models.FileDownloader;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The working parts of one {@link ReplicateClient}, wired once from its configuration: the
 * transport, the API calls over it, the runner that creates and waits, and the output downloader.
 * Tests wire these directly to reach what the public client does not show.
 */
record ClientParts(ClientConfig config, Transport transport, ApiCalls calls,
    PredictionRunner runner, FileDownloader downloader) implements AutoCloseable {

  static ClientParts wire(ClientConfig config) {
    Transport transport = Transport.create(config);
    ApiCalls calls = new ApiCalls(api(config.baseUrl(), transport.apiClient()),
        api(config.baseUrl(), transport.asyncClient()), new ErrorMapper(config.clock()),
        config.retryPolicy(), transport.ticker(), config.clock(), config.random(),
        config.callTimeout());
    PredictionRunner runner = new PredictionRunner(calls, config.retryPolicy(),
        config.pollingPolicy(), transport.ticker(), config.clock(), config.random());
    return new ClientParts(config, transport, calls, runner,
        new OutputDownloader(transport.downloadClient()));
  }

  /**
   * Ends the waits still in progress, then stops what the client owns.
   */
  @Override
  public void close() {
    runner.abandonWaits();
    transport.close();
  }

  private static PredictionsApi api(HttpUrl baseUrl, OkHttpClient http) {
    return new Retrofit.Builder()
        .baseUrl(baseUrl)
        .client(http)
        .addConverterFactory(MoshiConverterFactory.create(JsonCodec.RETROFIT))
        .build()
        .create(PredictionsApi.class);
  }
}
