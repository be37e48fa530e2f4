package dev.replicate4j.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

class FluxDevLoraInputTest {
  private static final String M = "lucataco/flux-dev-lora";

  @Test
  void fullInputIsSentExactly() {
    FluxDevLoraInput input = FluxDevLoraInput.builder()
        .prompt("portrait of TOK").aspectRatio(FluxAspectRatio.RATIO_9_16)
        .image(ImageInput.url("https://example.com/face.png")).promptStrength(0.75)
        .numOutputs(4).numInferenceSteps(50).guidanceScale(3.5).seed(2024)
        .outputFormat(FluxOutputFormat.PNG).outputQuality(0)
        .hfLora("https://huggingface.co/user/repo/resolve/main/lora.safetensors")
        .loraScale(0.8).disableSafetyChecker(true)
        .build();

    assertThat(Json.of(input)).isEqualTo("{\"prompt\":\"portrait of TOK\","
        + "\"aspect_ratio\":\"9:16\",\"image\":\"https://example.com/face.png\","
        + "\"prompt_strength\":0.75,\"num_outputs\":4,\"num_inference_steps\":50,"
        + "\"guidance_scale\":3.5,\"seed\":2024,\"output_format\":\"png\",\"output_quality\":0,"
        + "\"hf_lora\":\"https://huggingface.co/user/repo/resolve/main/lora.safetensors\","
        + "\"lora_scale\":0.8,\"disable_safety_checker\":true}");
  }

  static Stream<Arguments> constraints() {
    return ViolationRows.of(M, () -> FluxDevLoraInput.builder().prompt("a fox"),
        FluxDevLoraInput.Builder::build)
        .row("prompt is required", b -> b.prompt(null),
            M + ": prompt is missing: required, the model has no default")
        .row("prompt_strength is 0..1", b -> b.promptStrength(-0.01),
            M + ": prompt_strength = -0.01: must be between 0 and 1")
        .row("num_outputs is 1..4", b -> b.numOutputs(0),
            M + ": num_outputs = 0: must be between 1 and 4")
        .row("num_inference_steps is 1..50", b -> b.numInferenceSteps(51),
            M + ": num_inference_steps = 51: must be between 1 and 50")
        .row("guidance_scale is 0..10", b -> b.guidanceScale(10.5),
            M + ": guidance_scale = 10.5: must be between 0 and 10")
        .row("output_quality is 0..100", b -> b.outputQuality(-1),
            M + ": output_quality = -1: must be between 0 and 100")
        .row("lora_scale is 0..1", b -> b.loraScale(2),
            M + ": lora_scale = 2.0: must be between 0 and 1")
        .stream();
  }
}
