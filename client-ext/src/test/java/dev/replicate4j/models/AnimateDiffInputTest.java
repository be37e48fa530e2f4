package dev.replicate4j.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

class AnimateDiffInputTest {
  private static final String M = "lucataco/animate-diff";

  @Test
  void fullInputIsSentExactly() {
    AnimateDiffInput input = AnimateDiffInput.builder()
        .motionModule(AnimateDiffMotionModule.MM_SD_V15_V2)
        .path(AnimateDiffBasePath.REALISTIC_VISION_V40_V20_NOVAE)
        .prompt("waves on a beach at sunset").nPrompt("people").steps(100).guidanceScale(10)
        .seed(0)
        .build();

    assertThat(Json.of(input)).isEqualTo("{\"motion_module\":\"mm_sd_v15_v2\","
        + "\"path\":\"realisticVisionV40_v20Novae.safetensors\","
        + "\"prompt\":\"waves on a beach at sunset\",\"n_prompt\":\"people\",\"steps\":100,"
        + "\"guidance_scale\":10.0,\"seed\":0}");
  }

  @Test
  void nothingIsRequired() {
    assertThat(Json.of(AnimateDiffInput.builder().build())).isEqualTo("{}");
  }

  static Stream<Arguments> constraints() {
    return ViolationRows.of(M, AnimateDiffInput::builder, AnimateDiffInput.Builder::build)
        .row("steps is 1..100", b -> b.steps(101),
            M + ": steps = 101: must be between 1 and 100")
        .row("guidance_scale is 1..10", b -> b.guidanceScale(10.01),
            M + ": guidance_scale = 10.01: must be between 1 and 10")
        .stream();
  }
}
