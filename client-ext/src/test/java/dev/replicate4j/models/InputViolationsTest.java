package dev.replicate4j.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every generated input's constraint table, checked one way: each violation's exact message. */
class InputViolationsTest {

  static Stream<Arguments> everyModel() {
    return Stream.of(
        AnimateDiffInputTest.constraints(),
        FluxDevLoraInputTest.constraints(),
        FluxSchnellLoraInputTest.constraints(),
        SdxlInputTest.constraints(),
        StableDiffusionInputTest.constraints(),
        StableDiffusionImg2ImgInputTest.constraints(),
        StableDiffusionInpaintingInputTest.constraints(),
        StableDiffusionAnimationInputTest.constraints())
        .flatMap(rows -> rows);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyModel")
  void eachViolationNamesModelFieldValueAndRule(String constraint, ThrowingCallable build,
      String message) {
    assertThat(Json.violation(build)).isEqualTo(message);
  }
}
