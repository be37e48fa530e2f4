package dev.replicate4j.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ValueSource;

class StableDiffusionImg2ImgInputTest {
  private static final String M = "stability-ai/stable-diffusion-img2img";
  private static final ImageInput IMAGE = ImageInput.url("https://example.com/sketch.jpg");

  @Test
  void fullInputIsSentExactly() {
    StableDiffusionImg2ImgInput input = StableDiffusionImg2ImgInput.builder()
        .prompt("a castle at dusk").negativePrompt("fog").image(IMAGE).promptStrength(0.6)
        .numOutputs(8).numInferenceSteps(25).guidanceScale(7.5)
        .scheduler(StableDiffusionScheduler.DPM_SOLVER_MULTISTEP).seed(99)
        .build();

    assertThat(Json.of(input)).isEqualTo("{\"prompt\":\"a castle at dusk\","
        + "\"negative_prompt\":\"fog\",\"image\":\"https://example.com/sketch.jpg\","
        + "\"prompt_strength\":0.6,\"num_outputs\":8,\"num_inference_steps\":25,"
        + "\"guidance_scale\":7.5,\"scheduler\":\"DPMSolverMultistep\",\"seed\":99}");
  }

  /** Medium confidence: the source declares no range, so nothing finite is refused. */
  @ParameterizedTest
  @ValueSource(doubles = {-1.0, 0.0, 0.8, 1.0, 1.5, 100.0})
  void promptStrengthHasNoRangeInTheSourceSoAnyFiniteValueIsSent(double strength) {
    StableDiffusionImg2ImgInput input = base().promptStrength(strength).build();
    assertThat(input.toWire()).containsEntry("prompt_strength", strength);
  }

  static Stream<Arguments> constraints() {
    return ViolationRows.of(M, StableDiffusionImg2ImgInputTest::base,
        StableDiffusionImg2ImgInput.Builder::build)
        .row("image is required", b -> b.image(null),
            M + ": image is missing: required, the model has no default")
        .row("prompt_strength is a finite number", b -> b.promptStrength(Double.POSITIVE_INFINITY),
            M + ": prompt_strength = Infinity: must be a finite number")
        .row("num_outputs is 1..8", b -> b.numOutputs(9),
            M + ": num_outputs = 9: must be between 1 and 8")
        .row("num_inference_steps is 1..500", b -> b.numInferenceSteps(1000),
            M + ": num_inference_steps = 1000: must be between 1 and 500")
        .row("guidance_scale is 1..20", b -> b.guidanceScale(21),
            M + ": guidance_scale = 21.0: must be between 1 and 20")
        .stream();
  }

  private static StableDiffusionImg2ImgInput.Builder base() {
    return StableDiffusionImg2ImgInput.builder().image(IMAGE);
  }
}
