package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import dev.replicate4j.generated.model.WirePredictionRequest;
import dev.replicate4j.generated.model.WirePredictionStatus;
import dev.replicate4j.generated.model.WireWebhookEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated Moshi models read and write exactly the JSON the relay speaks. */
class GeneratedModelJsonTest {
  private static final String SD = "ac732df83cea7fff18b8472768c88ad041fa750ff7682a21affe81863cbe77e4";

  private final JsonAdapter<WirePredictionRequest> requests =
      JsonCodec.MOSHI.adapter(WirePredictionRequest.class);

  @Test
  void createRequestSerializesSnakeCaseWithoutNulls() {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("prompt", "an astronaut");
    input.put("num_outputs", 2);
    input.put("guidance_scale", 7.5);
    WirePredictionRequest request = new WirePredictionRequest().version(SD).input(input)
        .webhook("https://example.com/hook")
        .webhookEventsFilter(List.of(WireWebhookEvent.START, WireWebhookEvent.COMPLETED));

    // Moshi writes a class's fields in name order; the relay does not depend on order.
    assertThat(requests.toJson(request)).isEqualTo(
        "{\"input\":{\"prompt\":\"an astronaut\",\"num_outputs\":2,\"guidance_scale\":7.5},"
        + "\"version\":\"" + SD + "\","
        + "\"webhook\":\"https://example.com/hook\","
        + "\"webhook_events_filter\":[\"start\",\"completed\"]}");
  }

  @Test
  void unsetFieldsAreLeftOut() {
    WirePredictionRequest request = new WirePredictionRequest().version(SD).input(Map.of());

    assertThat(requests.toJson(request)).isEqualTo("{\"input\":{},\"version\":\"" + SD + "\"}");
  }

  @Test
  void arrayOutputParsesWithEveryField() {
    Prediction p = Prediction.parse(json("\"succeeded\"",
        "[\"https://replicate.delivery/a/out-0.png\",\"https://replicate.delivery/a/out-1.png\"]"));

    assertThat(p.id()).isEqualTo("gm3qorzdhgbfurvjtvhg6dckhu");
    assertThat(p.model()).contains("stability-ai/stable-diffusion");
    assertThat(p.version()).contains(SD);
    assertThat(p.status()).isEqualTo(dev.replicate4j.PredictionStatus.SUCCEEDED);
    assertThat(p.outputUris()).containsExactly("https://replicate.delivery/a/out-0.png",
        "https://replicate.delivery/a/out-1.png");
    assertThat(p.input()).containsEntry("prompt", "a cat").containsEntry("num_outputs", 2L);
    assertThat(p.logs()).contains("50/50");
    assertThat(p.error()).isEmpty();
    assertThat(p.dataRemoved()).isFalse();
    assertThat(p.predictTime()).contains(2.5);
    assertThat(p.metrics()).containsEntry("total_time", 3.1).containsEntry("image_count", 2L);
    assertThat(p.createdAt()).isPresent();
    assertThat(p.startedAt()).isPresent();
    assertThat(p.completedAt()).isPresent();
    assertThat(p.deadline()).isPresent();
    assertThat(p.raw().getUrls().getGet()).isEqualTo(
        "https://api.replicate.com/v1/predictions/gm3qorzdhgbfurvjtvhg6dckhu");
    assertThat(p.raw().getSource()).isEqualTo(dev.replicate4j.generated.model.WirePredictionSource.API);
  }

  @Test
  void singleUriOutputParses() {
    Prediction p = Prediction.parse(json("\"succeeded\"", "\"https://replicate.delivery/b/out.mp4\""));

    assertThat(p.output()).isEqualTo("https://replicate.delivery/b/out.mp4");
    assertThat(p.outputUri()).contains("https://replicate.delivery/b/out.mp4");
  }

  @Test
  void nullOutputWhileRunningParses() {
    Prediction p = Prediction.parse(json("\"processing\"", "null"));

    assertThat(p.output()).isNull();
    assertThat(p.outputUris()).isEmpty();
    assertThat(p.status().isTerminal()).isFalse();
  }

  @Test
  void unknownFieldAndUnknownStatusSurvive() {
    Prediction p = Prediction.parse(json("\"queued_for_gpu\"", "null"));

    assertThat(p.status()).isEqualTo(dev.replicate4j.PredictionStatus.UNKNOWN);
    assertThat(p.rawStatus()).contains("queued_for_gpu");
    assertThat(p.status().isTerminal()).isFalse();
    assertThat(p.raw().getStatus()).isEqualTo(WirePredictionStatus.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(p.json()).containsEntry("gpu_pool", "a100-eu");
  }

  @Test
  void abortedIsTerminal() {
    Prediction p = Prediction.parse(json("\"aborted\"", "null"));

    assertThat(p.status()).isEqualTo(dev.replicate4j.PredictionStatus.ABORTED);
    assertThat(p.status().isTerminal()).isTrue();
    assertThat(p.raw().getStatus()).isEqualTo(WirePredictionStatus.ABORTED);
  }

  @Test
  void generatedEnumsReadUnknownValuesWithoutFailing() {
    assertThat(JsonCodec.MOSHI.adapter(WireWebhookEvent.class).fromJsonValue("heartbeat"))
        .isEqualTo(WireWebhookEvent.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(JsonCodec.MOSHI.adapter(WireWebhookEvent.class).toJson(WireWebhookEvent.LOGS))
        .isEqualTo("\"logs\"");
  }

  @Test
  void jsonRoundTripsWithoutLoss() {
    String original = json("\"succeeded\"", "[\"https://replicate.delivery/a/out-0.png\"]");
    Prediction p = Prediction.parse(original);

    assertThat(Prediction.parse(JsonCodec.MAP.serializeNulls().toJson(p.json())).json()).isEqualTo(p.json());
  }

  private static String json(String status, String output) {
    return "{\"id\":\"gm3qorzdhgbfurvjtvhg6dckhu\",\"model\":\"stability-ai/stable-diffusion\","
        + "\"version\":\"" + SD + "\",\"input\":{\"prompt\":\"a cat\",\"num_outputs\":2},"
        + "\"logs\":\"Using seed: 1\\n100%|##########| 50/50 [00:02<00:00, 20.1it/s]\\n\","
        + "\"output\":" + output + ",\"data_removed\":false,\"error\":null,"
        + "\"status\":" + status + ",\"source\":\"api\","
        + "\"created_at\":\"2026-11-25T10:00:00.000000Z\","
        + "\"started_at\":\"2026-11-25T10:00:00.5Z\",\"completed_at\":\"2026-11-25T10:00:03.1Z\","
        + "\"deadline\":\"2026-11-25T11:00:00+00:00\","
        + "\"metrics\":{\"predict_time\":2.5,\"total_time\":3.1,\"image_count\":2},"
        + "\"urls\":{\"get\":\"https://api.replicate.com/v1/predictions/gm3qorzdhgbfurvjtvhg6dckhu\","
        + "\"cancel\":\"https://api.replicate.com/v1/predictions/gm3qorzdhgbfurvjtvhg6dckhu/cancel\","
        + "\"web\":\"https://replicate.com/p/gm3qorzdhgbfurvjtvhg6dckhu\"},"
        + "\"gpu_pool\":\"a100-eu\"}";
  }
}
