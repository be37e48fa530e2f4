package dev.replicate4j.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replicate4j.ValidationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

class StableDiffusionInputTest {
  private static final String M = "stability-ai/stable-diffusion";
  static final String SIZES_RULE = "must be one of 64, 128, 192, 256, 320, 384, 448, 512, 576, "
      + "640, 704, 768, 832, 896, 960, 1024";

  @Test
  void fullInputIsSentExactlyInSchemaOrder() {
    StableDiffusionInput input = StableDiffusionInput.builder()
        .seed(42)
        .scheduler(StableDiffusionScheduler.K_EULER)
        .prompt("an astronaut riding a horse on mars")
        .height(512).width(768)
        .negativePrompt("blurry")
        .numOutputs(2).numInferenceSteps(30).guidanceScale(7.5)
        .build();

    assertThat(Json.of(input)).isEqualTo("{\"prompt\":\"an astronaut riding a horse on mars\","
        + "\"height\":512,\"width\":768,\"negative_prompt\":\"blurry\",\"num_outputs\":2,"
        + "\"num_inference_steps\":30,\"guidance_scale\":7.5,\"scheduler\":\"K_EULER\","
        + "\"seed\":42}");
  }

  @Test
  void onlyFieldsSetAreSentSoTheModelDefaultsApply() {
    assertThat(Json.of(StableDiffusionInput.builder().build())).isEqualTo("{}");
    assertThat(Json.of(StableDiffusionInput.builder().width(1024).build()))
        .isEqualTo("{\"width\":1024}");
    assertThat(Json.of(StableDiffusionInput.builder().prompt("x").prompt(null).build()))
        .isEqualTo("{}");
  }

  static Stream<Arguments> constraints() {
    return ViolationRows.of(M, StableDiffusionInput::builder, StableDiffusionInput.Builder::build)
        .row("height is 64..1024 in steps of 64", b -> b.height(1088),
            M + ": height = 1088: " + SIZES_RULE)
        .row("width is 64..1024 in steps of 64", b -> b.width(100),
            M + ": width = 100: " + SIZES_RULE)
        .row("num_outputs is 1..4", b -> b.numOutputs(5),
            M + ": num_outputs = 5: must be between 1 and 4")
        .row("num_inference_steps is 1..500", b -> b.numInferenceSteps(0),
            M + ": num_inference_steps = 0: must be between 1 and 500")
        .row("guidance_scale is 1..20", b -> b.guidanceScale(20.5),
            M + ": guidance_scale = 20.5: must be between 1 and 20")
        .stream();
  }

  @Test
  void everyViolationIsReportedAtOnce() {
    ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
        () -> StableDiffusionInput.builder().width(0).height(2048).numOutputs(0).guidanceScale(0)
            .build());
    assertThat(e.violations()).extracting(ValidationException.Violation::field)
        .containsExactly("height", "width", "num_outputs", "guidance_scale");
    assertThat(e.getMessage()).startsWith("4 invalid inputs:\n  - " + M + ": height = 2048: ");
  }

  @Test
  void toBuilderKeepsEveryFieldAndChangesOnlyWhatIsSet() {
    StableDiffusionInput first = StableDiffusionInput.builder().prompt("a cat").seed(1).build();
    StableDiffusionInput second = first.toBuilder().seed(2).build();

    assertThat(Json.of(second)).isEqualTo("{\"prompt\":\"a cat\",\"seed\":2}");
    assertThat(Json.of(first)).isEqualTo("{\"prompt\":\"a cat\",\"seed\":1}");
    assertThat(first.toBuilder().build()).isEqualTo(first).hasSameHashCodeAs(first);
  }
}
