package dev.replicate4j.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

class StableDiffusionInpaintingInputTest {
  private static final String M = "stability-ai/stable-diffusion-inpainting";
  private static final ImageInput IMAGE = ImageInput.url("https://example.com/room.png");
  private static final ImageInput MASK = ImageInput.url("https://example.com/mask.png");

  @Test
  void fullInputIsSentExactly() {
    StableDiffusionInpaintingInput input = StableDiffusionInpaintingInput.builder()
        .image(IMAGE).mask(MASK).prompt("a red sofa").negativePrompt("people")
        .width(640).height(448).scheduler(StableDiffusionScheduler.KLMS).numOutputs(3)
        .guidanceScale(9).numInferenceSteps(60).seed(1234).disableSafetyChecker(true)
        .build();

    assertThat(Json.of(input)).isEqualTo("{\"image\":\"https://example.com/room.png\","
        + "\"mask\":\"https://example.com/mask.png\",\"prompt\":\"a red sofa\","
        + "\"negative_prompt\":\"people\",\"width\":640,\"height\":448,\"scheduler\":\"KLMS\","
        + "\"num_outputs\":3,\"guidance_scale\":9.0,\"num_inference_steps\":60,\"seed\":1234,"
        + "\"disable_safety_checker\":true}");
  }

  @Test
  void imageAndMaskAreEnough() {
    assertThat(Json.of(base().build())).isEqualTo("{\"image\":\"https://example.com/room.png\","
        + "\"mask\":\"https://example.com/mask.png\"}");
  }

  static Stream<Arguments> constraints() {
    return ViolationRows.of(M, StableDiffusionInpaintingInputTest::base,
        StableDiffusionInpaintingInput.Builder::build)
        .row("image is required", b -> b.image(null),
            M + ": image is missing: required, the model has no default")
        .row("mask is required", b -> b.mask(null),
            M + ": mask is missing: required, the model has no default")
        .row("width is 64..1024 in steps of 64", b -> b.width(1025),
            M + ": width = 1025: " + StableDiffusionInputTest.SIZES_RULE)
        .row("height is 64..1024 in steps of 64", b -> b.height(32),
            M + ": height = 32: " + StableDiffusionInputTest.SIZES_RULE)
        .row("num_outputs is 1..4", b -> b.numOutputs(8),
            M + ": num_outputs = 8: must be between 1 and 4")
        .row("guidance_scale is 1..20", b -> b.guidanceScale(0.5),
            M + ": guidance_scale = 0.5: must be between 1 and 20")
        .row("num_inference_steps is 1..500", b -> b.numInferenceSteps(-1),
            M + ": num_inference_steps = -1: must be between 1 and 500")
        .stream();
  }

  @Test
  void bothMissingRequiredFieldsAreReportedTogether() {
    assertThat(Json.violation(() -> StableDiffusionInpaintingInput.builder().build()))
        .isEqualTo("2 invalid inputs:\n"
            + "  - " + M + ": image is missing: required, the model has no default\n"
            + "  - " + M + ": mask is missing: required, the model has no default");
  }

  private static StableDiffusionInpaintingInput.Builder base() {
    return StableDiffusionInpaintingInput.builder().image(IMAGE).mask(MASK);
  }
}
