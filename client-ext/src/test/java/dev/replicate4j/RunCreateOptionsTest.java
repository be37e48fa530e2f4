package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replicate4j.models.GenericInput;
import dev.replicate4j.models.Models;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Runs send their create options over the wire, sync and async alike. */
class RunCreateOptionsTest extends ServerAndClientTest {
  private static final GenericInput INPUT = GenericInput.of(Map.of("prompt", "a fox"));

  @Test
  void runAsyncSendsTheSyncModeItIsGiven() throws Exception {
    server.enqueue(PredictionJson.prediction("p1").succeeded().created());

    Object output = client.runAsync(Models.generic("acme/thing"), INPUT,
        CreateOptions.builder().preferWaitSeconds(5).build(), PollingPolicy.DEFAULT)
        .get(10, TimeUnit.SECONDS);

    assertThat(output).isNotNull();
    assertThat(server.takeRequest().getHeaders().get("Prefer")).isEqualTo("wait=5");
  }

  @Test
  void runAsyncWithoutOptionsPolls() throws Exception {
    server.enqueue(PredictionJson.prediction("p1").succeeded().created());

    client.runAsync(Models.generic("acme/thing"), INPUT).get(10, TimeUnit.SECONDS);

    assertThat(server.takeRequest().getHeaders().get("Prefer")).isNull();
  }

  @Test
  void runSendsAWebhookAndItsServerDeadline() throws Exception {
    server.enqueue(PredictionJson.prediction("p1").succeeded().created());

    client.run(Models.generic("acme/thing"), INPUT, CreateOptions.builder()
        .webhook("https://example.com/hook").cancelAfter(Duration.ofSeconds(90)).build(),
        PollingPolicy.DEFAULT);

    RecordedRequest create = server.takeRequest();
    assertThat(create.getBody().utf8()).contains("\"webhook\":\"https://example.com/hook\"");
    assertThat(create.getHeaders().get("Cancel-After")).isEqualTo("1m30s");
    assertThat(create.getHeaders().get("Prefer")).as("sync mode only when asked").isNull();
  }

  @Test
  void runSendsTheClientsRunOptionsByDefault() throws Exception {
    server.enqueue(PredictionJson.prediction("p1").succeeded().created());

    client.run(Models.generic("acme/thing"), INPUT);

    assertThat(server.takeRequest().getHeaders().get("Prefer")).isEqualTo("wait=60");
  }
}
