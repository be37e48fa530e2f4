package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Where the key comes from: explicitly or from {@code CHAINHUB_API_KEY}, never from
 * {@code REPLICATE_API_TOKEN}; a missing key says which variable to set.
 */
class ApiKeyEnvironmentTest {

  @Test
  void aMissingKeyNamesTheVariableToSet() {
    Map<String, String> env = Map.of();

    assertThatThrownBy(() -> ReplicateClient.builder().environment(env::get).fromEnv().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CHAINHUB_API_KEY")
        .hasMessageContaining("apiKey(");
  }

  @Test
  void aBuilderWithoutKeyOrEnvironmentAlsoNamesTheVariable() {
    assertThatThrownBy(() -> ReplicateClient.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CHAINHUB_API_KEY");
  }

  @Test
  void aReplicateTokenIsNeverReadImplicitly() {
    String replicateToken = "r8_Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78St";
    Map<String, String> env = Map.of("REPLICATE_API_TOKEN", replicateToken);

    assertThatThrownBy(() -> ReplicateClient.builder().environment(env::get).fromEnv().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CHAINHUB_API_KEY")
        .hasMessageNotContaining(replicateToken);
  }

  @Test
  void blankEnvironmentValuesCountAsMissing() {
    Map<String, String> env = Map.of("CHAINHUB_API_KEY", "   ", "CHAINHUB_BASE_URL", "");

    assertThatThrownBy(() -> ReplicateClient.builder().environment(env::get).fromEnv().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CHAINHUB_API_KEY");
  }

  @Test
  void fromEnvReadsTheKeyAndTheBaseUrlAndUsesThem() throws Exception {
    try (MockWebServer server = TestHttp.start()) {
      server.enqueue(PredictionJson.prediction("p1").ok());
      Map<String, String> env = Map.of(
          "CHAINHUB_API_KEY", TestHttp.API_KEY,
          "CHAINHUB_BASE_URL", server.url("/").toString(),
          "REPLICATE_API_TOKEN", "r8_must-not-be-sent");

      try (ReplicateClient client =
          ReplicateClient.builder().environment(env::get).fromEnv().build()) {
        assertThat(client.baseUrl()).isEqualTo(server.url("/").toString());
        assertThat(client.get("p1").id()).isEqualTo("p1");
      }

      RecordedRequest request = server.takeRequest();
      assertThat(request.getHeaders().values("Authorization"))
          .containsExactly("Bearer " + TestHttp.API_KEY);
      assertThat(request.getHeaders().toString()).doesNotContain("r8_must-not-be-sent");
    }
  }

  @Test
  void withoutABaseUrlVariableTheDefaultStays() {
    Map<String, String> env = Map.of("CHAINHUB_API_KEY", TestHttp.API_KEY);

    try (ReplicateClient client =
        ReplicateClient.builder().environment(env::get).fromEnv().build()) {
      assertThat(client.baseUrl()).isEqualTo(ReplicateClient.DEFAULT_BASE_URL + "/");
    }
  }

  @Test
  void aBaseUrlFromTheEnvironmentIsCheckedLikeAnyOther() {
    Map<String, String> env =
        Map.of("CHAINHUB_API_KEY", TestHttp.API_KEY,
            "CHAINHUB_BASE_URL", "http://relay.example.com");

    assertThatThrownBy(() -> ReplicateClient.builder().environment(env::get).fromEnv().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must use https");
  }

  @Test
  void anEmptyExplicitKeyIsRefused() {
    assertThatThrownBy(() -> ReplicateClient.builder().apiKey(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apiKey");
  }
}
