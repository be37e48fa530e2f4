package dev.replicate4j.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

class FluxSchnellLoraInputTest {
  private static final String M = "lucataco/flux-schnell-lora";

  @Test
  void fullInputIsSentExactly() {
    FluxSchnellLoraInput input = FluxSchnellLoraInput.builder()
        .prompt("a lighthouse, style of TOK").aspectRatio(FluxAspectRatio.RATIO_21_9)
        .image(ImageInput.url("https://example.com/coast.webp")).promptStrength(0.9)
        .numOutputs(2).numInferenceSteps(12).seed(5).outputFormat(FluxOutputFormat.JPG)
        .outputQuality(100).hfLora("alvdansen/frosting_lane_flux").loraScale(1)
        .disableSafetyChecker(false)
        .build();

    assertThat(Json.of(input)).isEqualTo("{\"prompt\":\"a lighthouse, style of TOK\","
        + "\"aspect_ratio\":\"21:9\",\"image\":\"https://example.com/coast.webp\","
        + "\"prompt_strength\":0.9,\"num_outputs\":2,\"num_inference_steps\":12,\"seed\":5,"
        + "\"output_format\":\"jpg\",\"output_quality\":100,"
        + "\"hf_lora\":\"alvdansen/frosting_lane_flux\",\"lora_scale\":1.0,"
        + "\"disable_safety_checker\":false}");
  }

  @Test
  void schnellHasNoGuidanceInputAndPromptAloneIsEnough() {
    assertThat(Json.of(base().build())).isEqualTo("{\"prompt\":\"a fox\"}");
  }

  static Stream<Arguments> constraints() {
    return ViolationRows.of(M, FluxSchnellLoraInputTest::base,
            FluxSchnellLoraInput.Builder::build)
        .row("prompt is required", b -> b.prompt(null),
            M + ": prompt is missing: required, the model has no default")
        .row("prompt_strength is 0..1", b -> b.promptStrength(1.01),
            M + ": prompt_strength = 1.01: must be between 0 and 1")
        .row("num_outputs is 1..4", b -> b.numOutputs(5),
            M + ": num_outputs = 5: must be between 1 and 4")
        .row("num_inference_steps is 1..12", b -> b.numInferenceSteps(13),
            M + ": num_inference_steps = 13: must be between 1 and 12")
        .row("output_quality is 0..100", b -> b.outputQuality(101),
            M + ": output_quality = 101: must be between 0 and 100")
        .row("lora_scale is 0..1", b -> b.loraScale(-0.5),
            M + ": lora_scale = -0.5: must be between 0 and 1")
        .stream();
  }

  private static FluxSchnellLoraInput.Builder base() {
    return FluxSchnellLoraInput.builder().prompt("a fox");
  }
}
