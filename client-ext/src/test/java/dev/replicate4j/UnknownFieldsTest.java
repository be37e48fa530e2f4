package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fields and statuses this SDK version does not know survive a response instead of breaking it. */
class UnknownFieldsTest extends ServerTest {
  @Test
  void anUnknownStatusAndExtraFieldsAreKept() {
    server.enqueue(PredictionJson.prediction("p1").status("queued_for_gpu")
        .with("gpu_queue_position", 3)
        .with("hardware", Map.of("gpu", "H100", "count", 1))
        .with("metrics", Map.of("predict_time", 1.25, "image_count", 2))
        .ok());

    Prediction p;
    try (ReplicateClient client = builder().build()) {
      p = client.get("p1");
    }

    assertThat(p.status()).isEqualTo(PredictionStatus.UNKNOWN);
    assertThat(p.rawStatus()).contains("queued_for_gpu");
    assertThat(p.status().isTerminal()).isFalse();
    assertThat(p.json()).containsEntry("gpu_queue_position", 3L)
        .containsEntry("hardware", Map.of("gpu", "H100", "count", 1L));
    assertThat(p.metrics()).containsEntry("image_count", 2L);
    assertThat(p.predictTime()).contains(1.25);
    // The known fields still read normally.
    assertThat(p.id()).isEqualTo("p1");
    assertThat(p.model()).contains("black-forest-labs/flux-schnell");
    assertThat(p.input()).containsEntry("prompt", "a lighthouse at dusk");
  }

  @Test
  void aWaitGoesOnThroughAnUnknownStatusUntilATerminalOne() {
    server.enqueue(PredictionJson.prediction("p1").status("queued_for_gpu").ok());
    server.enqueue(PredictionJson.prediction("p1").status("warming_up").ok());
    server.enqueue(PredictionJson.prediction("p1").succeeded().ok());

    Prediction p = awaitWithoutSleeping("p1");

    assertThat(p.status()).isEqualTo(PredictionStatus.SUCCEEDED);
    assertThat(p.outputUris()).containsExactly("https://replicate.delivery/xezq/out-0.webp");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }
}
