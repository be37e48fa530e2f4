package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** A client reads the configuration its builder copied at build time, and one HTTP setup. */
class ClientConfigTest {
  @Test
  void changingTheBuilderAfterBuildDoesNotReachTheClient() {
    ReplicateClientBuilder builder = ReplicateClient.builder().apiKey(TestHttp.API_KEY)
        .baseUrl("https://relay.example.com");
    try (ReplicateClient client = builder.build()) {
      builder.pollingPolicy(PollingPolicy.builder().deadline(Duration.ofSeconds(3)).build())
          .runOptions(CreateOptions.NONE).baseUrl("https://other.example.com");

      assertThat(client.pollingPolicy()).isEqualTo(PollingPolicy.DEFAULT);
      assertThat(client.runOptions()).isEqualTo(CreateOptions.SYNC);
      assertThat(client.baseUrl()).isEqualTo("https://relay.example.com/");
    }
  }

  @Test
  void theApiClientsAndTheDownloadClientShareOnePoolAndOneSetOfTimeouts() {
    try (ClientParts parts = ClientParts.wire(ReplicateClient.builder().apiKey(TestHttp.API_KEY)
        .readTimeout(Duration.ofSeconds(7)).config())) {
      OkHttpClient api = parts.transport().apiClient();
      OkHttpClient async = parts.transport().asyncClient();
      OkHttpClient download = parts.transport().downloadClient();

      assertThat(async.connectionPool()).isSameAs(api.connectionPool())
          .isSameAs(download.connectionPool());
      assertThat(async.dispatcher()).isSameAs(api.dispatcher()).isSameAs(download.dispatcher());
      assertThat(download.readTimeoutMillis()).isEqualTo(7000).isEqualTo(api.readTimeoutMillis());
      // The sync client is the async one with retries in front; the network hop is the same.
      assertThat(api.interceptors().get(0)).isInstanceOf(RetryInterceptor.class);
      assertThat(api.interceptors().subList(1, api.interceptors().size()))
          .isEqualTo(async.interceptors());
      assertThat(api.networkInterceptors()).isEqualTo(async.networkInterceptors());
      assertThat(async.interceptors()).noneMatch(i -> i instanceof RetryInterceptor);
    }
  }
}
