package dev.replicate4j.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ValueSource;

class StableDiffusionAnimationInputTest {
  private static final String M = "andreasjansson/stable-diffusion-animation";

  @Test
  void fullInputIsSentExactly() {
    StableDiffusionAnimationInput input = StableDiffusionAnimationInput.builder()
        .promptStart("a seed in the ground").promptEnd("a sapling|a great oak tree")
        .width(1024).height(768).numInferenceSteps(100).promptStrength(0.9)
        .numAnimationFrames(50).numInterpolationSteps(1).guidanceScale(20)
        .gifFramesPerSecond(50).gifPingPong(true).filmInterpolation(false)
        .intermediateOutput(true).seed(3).outputFormat(AnimationOutputFormat.MP4)
        .build();

    assertThat(Json.of(input)).isEqualTo("{\"prompt_start\":\"a seed in the ground\","
        + "\"prompt_end\":\"a sapling|a great oak tree\",\"width\":1024,\"height\":768,"
        + "\"num_inference_steps\":100,\"prompt_strength\":0.9,\"num_animation_frames\":50,"
        + "\"num_interpolation_steps\":1,\"guidance_scale\":20.0,\"gif_frames_per_second\":50,"
        + "\"gif_ping_pong\":true,\"film_interpolation\":false,\"intermediate_output\":true,"
        + "\"seed\":3,\"output_format\":\"mp4\"}");
  }

  /** The model declares no range for prompt_strength: any finite value is sent. */
  @ParameterizedTest
  @ValueSource(doubles = {-3.0, 0.0, 1.0, 2.5})
  void promptStrengthHasNoRange(double strength) {
    assertThat(base().promptStrength(strength).build().toWire())
        .containsEntry("prompt_strength", strength);
  }

  static Stream<Arguments> constraints() {
    return ViolationRows.of(M, StableDiffusionAnimationInputTest::base,
        StableDiffusionAnimationInput.Builder::build)
        .row("prompt_start is required", b -> b.promptStart(null),
            M + ": prompt_start is missing: required, the model has no default")
        .row("prompt_end is required", b -> b.promptEnd(null),
            M + ": prompt_end is missing: required, the model has no default")
        .row("width is one of 128, 256, 512, 768, 1024", b -> b.width(640),
            M + ": width = 640: must be one of 128, 256, 512, 768, 1024")
        .row("height is one of 128, 256, 512, 768", b -> b.height(1024),
            M + ": height = 1024: must be one of 128, 256, 512, 768")
        .row("num_inference_steps is 1..500", b -> b.numInferenceSteps(0),
            M + ": num_inference_steps = 0: must be between 1 and 500")
        .row("prompt_strength is a finite number", b -> b.promptStrength(Double.NaN),
            M + ": prompt_strength = NaN: must be a finite number")
        .row("num_animation_frames is 2..50", b -> b.numAnimationFrames(1),
            M + ": num_animation_frames = 1: must be between 2 and 50")
        .row("num_interpolation_steps is 1..50", b -> b.numInterpolationSteps(51),
            M + ": num_interpolation_steps = 51: must be between 1 and 50")
        .row("guidance_scale is 1..20", b -> b.guidanceScale(0.99),
            M + ": guidance_scale = 0.99: must be between 1 and 20")
        .row("gif_frames_per_second is 1..50", b -> b.gifFramesPerSecond(60),
            M + ": gif_frames_per_second = 60: must be between 1 and 50")
        .stream();
  }

  private static StableDiffusionAnimationInput.Builder base() {
    return StableDiffusionAnimationInput.builder().promptStart("dawn").promptEnd("dusk");
  }
}
