package dev.replicate4j.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

class SdxlInputTest {
  private static final String M = "stability-ai/sdxl";

  @Test
  void fullInputIsSentExactly() {
    SdxlInput input = SdxlInput.builder()
        .prompt("a watercolor fox").negativePrompt("text")
        .image(ImageInput.url("https://example.com/fox.png"))
        .mask(ImageInput.url("https://example.com/mask.png"))
        .width(1152).height(896).numOutputs(4)
        .scheduler(SdxlScheduler.KARRAS_DPM).numInferenceSteps(40).guidanceScale(12.5)
        .promptStrength(0.65).seed(7L).refine(SdxlRefiner.EXPERT_ENSEMBLE_REFINER)
        .highNoiseFrac(0.7).refineSteps(10).applyWatermark(false).loraScale(0.5)
        .replicateWeights("https://replicate.delivery/weights.tar").disableSafetyChecker(true)
        .build();

    assertThat(Json.of(input)).isEqualTo("{\"prompt\":\"a watercolor fox\","
        + "\"negative_prompt\":\"text\",\"image\":\"https://example.com/fox.png\","
        + "\"mask\":\"https://example.com/mask.png\",\"width\":1152,\"height\":896,"
        + "\"num_outputs\":4,\"scheduler\":\"KarrasDPM\",\"num_inference_steps\":40,"
        + "\"guidance_scale\":12.5,\"prompt_strength\":0.65,\"seed\":7,"
        + "\"refine\":\"expert_ensemble_refiner\",\"high_noise_frac\":0.7,\"refine_steps\":10,"
        + "\"apply_watermark\":false,\"lora_scale\":0.5,"
        + "\"replicate_weights\":\"https://replicate.delivery/weights.tar\","
        + "\"disable_safety_checker\":true}");
  }

  @Test
  void nothingIsRequiredAndSizesHaveNoLimitInTheSchema() {
    assertThat(Json.of(SdxlInput.builder().build())).isEqualTo("{}");
    assertThat(Json.of(SdxlInput.builder().width(1000).height(4000).refineSteps(1000).build()))
        .isEqualTo("{\"width\":1000,\"height\":4000,\"refine_steps\":1000}");
  }

  static Stream<Arguments> constraints() {
    return ViolationRows.of(M, SdxlInput::builder, SdxlInput.Builder::build)
        .row("num_outputs is 1..4", b -> b.numOutputs(0),
            M + ": num_outputs = 0: must be between 1 and 4")
        .row("num_inference_steps is 1..500", b -> b.numInferenceSteps(501),
            M + ": num_inference_steps = 501: must be between 1 and 500")
        .row("guidance_scale is 1..50", b -> b.guidanceScale(50.1),
            M + ": guidance_scale = 50.1: must be between 1 and 50")
        .row("prompt_strength is 0..1", b -> b.promptStrength(1.5),
            M + ": prompt_strength = 1.5: must be between 0 and 1")
        .row("high_noise_frac is 0..1", b -> b.highNoiseFrac(-0.1),
            M + ": high_noise_frac = -0.1: must be between 0 and 1")
        .row("lora_scale is 0..1", b -> b.loraScale(Double.NaN),
            M + ": lora_scale = NaN: must be between 0 and 1")
        .stream();
  }
}
