package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A failed prediction is a {@link PredictionFailedException} whatever JSON its error is. */
class ErrorShapesTest extends ServerAndClientTest {
  @Test
  void anErrorObjectIsKeptAsJsonAndReadable() {
    server.enqueue(PredictionJson.prediction("p1").status("failed")
        .with("error", Map.of("code", "E1001", "retries", 3)).created());

    assertThatThrownBy(() -> client.run(TestHttp.MODEL, TestHttp.input()))
        .isInstanceOfSatisfying(PredictionFailedException.class, e -> {
          assertThat(e.getMessage()).startsWith(
              "Prediction p1 (black-forest-labs/flux-schnell) failed: {\"")
              .contains("\"code\":\"E1001\"").contains("\"retries\":3");
          Prediction p = e.prediction();
          assertThat(p.errorJson()).contains(Map.of("code", "E1001", "retries", 3L));
          assertThat(p.toString()).contains("status=failed, error={\"");
        });
  }

  @Test
  void anErrorArrayOrNumberIsAsReadable() {
    server.enqueue(PredictionJson.prediction("p1").status("failed")
        .with("error", List.of("out of memory", 137)).created());
    assertThatThrownBy(() -> client.run(TestHttp.MODEL, TestHttp.input()))
        .isInstanceOf(PredictionFailedException.class)
        .hasMessageEndingWith("failed: [\"out of memory\",137]");

    server.enqueue(PredictionJson.prediction("p2").status("failed").with("error", 7).created());
    assertThatThrownBy(() -> client.run(TestHttp.MODEL, TestHttp.input()))
        .isInstanceOf(PredictionFailedException.class).hasMessageEndingWith("failed: 7");
  }

  @Test
  void aHugeErrorIsCutInTheMessageButKeptWhole() {
    String huge = "x".repeat(1_000_000);
    server.enqueue(PredictionJson.prediction("p1").status("failed").with("error", huge)
        .with("model", Map.of("not", "a string")).created());

    assertThatThrownBy(() -> client.run(TestHttp.MODEL, TestHttp.input()))
        .isInstanceOfSatisfying(PredictionFailedException.class, e -> {
          assertThat(e.getMessage()).hasSizeLessThan(2500)
              .startsWith("Prediction p1 ({\"not\":\"a string\"}) failed: xxx")
              .endsWith("(1000000 chars)");
          assertThat(e.prediction().error()).contains(huge);
          assertThat(e.prediction().toString()).hasSizeLessThan(600);
        });
  }
}
