package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which base URLs are accepted, and how they are normalised. */
class BaseUrlTest {

  @ParameterizedTest
  @ValueSource(strings = {"http://api.chainhub.tech", "http://10.0.0.5:8080",
      "http://127.0.0.1.example.com", "http://localhost.example.com/"})
  void plainHttpIsRefusedForANonLoopbackHost(String url) {
    assertThatThrownBy(() -> build(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must use https")
        .hasMessageContaining(okhttp3.HttpUrl.parse(url).host());
  }

  @ParameterizedTest
  @CsvSource({
      // Loopback http and any https are accepted...
      "http://127.0.0.1:8080,                       http://127.0.0.1:8080/",
      "http://127.8.9.10:8080,                      http://127.8.9.10:8080/",
      "http://localhost:8080,                       http://localhost:8080/",
      "http://[::1]:8080,                           http://[::1]:8080/",
      "https://api.chainhub.tech,                   https://api.chainhub.tech/",
      "https://relay.example.com:8443,              https://relay.example.com:8443/",
      // ...with the trailing slash and the API prefix normalised.
      "https://api.chainhub.tech/,                  https://api.chainhub.tech/",
      "'  https://api.chainhub.tech  ',             https://api.chainhub.tech/",
      "https://api.chainhub.tech/replicate/v1,      https://api.chainhub.tech/",
      "https://api.chainhub.tech/replicate/v1/,     https://api.chainhub.tech/",
      "https://gw.example.com/relay,                https://gw.example.com/relay/",
      "https://gw.example.com/relay/replicate/v1,   https://gw.example.com/relay/"})
  void acceptedUrlsAreNormalised(String url, String normalised) {
    assertThat(baseUrlOf(url)).isEqualTo(normalised);
  }

  @Test
  void theDefaultIsTheRelay() {
    try (ReplicateClient client = ReplicateClient.builder().apiKey(TestHttp.API_KEY).build()) {
      assertThat(client.baseUrl()).isEqualTo("https://api.chainhub.tech/");
    }
  }

  @Test
  void aBaseUrlEndingInTheApiPrefixDoesNotDoubleIt() throws Exception {
    try (MockWebServer server = TestHttp.start()) {
      server.enqueue(PredictionJson.prediction("p1").ok());
      try (ReplicateClient client = ReplicateClient.builder().apiKey(TestHttp.API_KEY)
          .baseUrl(server.url("/replicate/v1/").toString()).build()) {
        client.get("p1");
      }
      assertThat(server.takeRequest().getTarget()).isEqualTo(TestHttp.PREDICTIONS + "/p1");
    }
  }

  @Test
  void aQueryIsRefused() {
    assertThatThrownBy(() -> build("https://api.chainhub.tech/?region=eu"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not have a query or fragment");
  }

  @Test
  void aFragmentIsRefused() {
    assertThatThrownBy(() -> build("https://api.chainhub.tech/#top"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not have a query or fragment");
  }

  @Test
  void credentialsInTheUrlAreRefusedWithoutEchoingThem() {
    assertThatThrownBy(() -> build("https://user:s3cr3t-pass@api.chainhub.tech"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not carry credentials")
        .hasMessageNotContaining("s3cr3t-pass");
  }

  @ParameterizedTest
  @ValueSource(strings = {"api.chainhub.tech", "ftp://api.chainhub.tech", "not a url", ""})
  void somethingThatIsNotAnHttpUrlIsRefused(String url) {
    assertThatThrownBy(() -> build(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an http(s) URL");
  }

  private static String baseUrlOf(String url) {
    try (ReplicateClient client = build(url)) {
      return client.baseUrl();
    }
  }

  private static ReplicateClient build(String url) {
    return ReplicateClient.builder().apiKey(TestHttp.API_KEY).baseUrl(url).build();
  }
}
