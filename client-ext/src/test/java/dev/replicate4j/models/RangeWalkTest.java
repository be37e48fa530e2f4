package dev.replicate4j.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.replicate4j.ValidationException;
import dev.replicate4j.ValidationException.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Walks every range and set of the ten models: both edges in, just past both edges out. */
class RangeWalkTest {

  static Stream<Rules.IntRule> ints() {
    return Rules.INTS.stream();
  }

  static Stream<Rules.DoubleRule> doubles() {
    return Rules.DOUBLES.stream();
  }

  static Stream<Rules.SetRule> sets() {
    return Rules.SETS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ints")
  void integerEdgesAreAcceptedAndSent(Rules.IntRule rule) {
    for (int v : new int[] {rule.min(), rule.min() + 1, rule.max() - 1, rule.max()}) {
      assertThat(rule.build().apply(v).toWire()).containsEntry(rule.field(), (long) v);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ints")
  void integersJustPastTheEdgesAreRefusedWithTheRule(Rules.IntRule rule) {
    for (int v : new int[] {rule.min() - 1, rule.max() + 1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
      Violation violation = onlyViolation(() -> rule.build().apply(v));
      assertThat(violation).isEqualTo(new Violation(rule.model(), rule.field(),
          String.valueOf(v), "must be between " + rule.min() + " and " + rule.max()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("doubles")
  void numberEdgesAreAcceptedAndSent(Rules.DoubleRule rule) {
    double mid = (rule.min() + rule.max()) / 2;
    for (double v : new double[] {rule.min(), mid, rule.max()}) {
      assertThat(rule.build().apply(v).toWire()).containsEntry(rule.field(), v);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("doubles")
  void numbersJustPastTheEdgesAndNonFiniteOnesAreRefused(Rules.DoubleRule rule) {
    double[] outside = {Math.nextDown(rule.min()), Math.nextUp(rule.max()), rule.min() - 1,
        rule.max() + 1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (double v : outside) {
      Violation violation = onlyViolation(() -> rule.build().apply(v));
      assertThat(violation.model()).isEqualTo(rule.model());
      assertThat(violation.field()).isEqualTo(rule.field());
      assertThat(violation.value()).isEqualTo(String.valueOf(v));
      assertThat(violation.rule()).matches("must be between -?[0-9]+ and [0-9]+");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sets")
  void everyAllowedSizeIsAcceptedAndSent(Rules.SetRule rule) {
    for (int v : rule.allowed()) {
      assertThat(rule.build().apply(v).toWire()).containsEntry(rule.field(), (long) v);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sets")
  void sizesNextToAllowedOnesAndBeyondTheEndsAreRefused(Rules.SetRule rule) {
    List<Integer> outside = new ArrayList<>(List.of(0, -64, Integer.MAX_VALUE));
    for (int allowed : rule.allowed()) {
      outside.add(allowed - 1);
      outside.add(allowed + 1);
    }
    outside.add(rule.allowed().get(rule.allowed().size() - 1) * 2);
    String expectedRule = "must be one of "
        + rule.allowed().stream().map(String::valueOf).collect(Collectors.joining(", "));
    for (int v : outside) {
      if (rule.allowed().contains(v)) {
        continue;
      }
      assertThat(onlyViolation(() -> rule.build().apply(v))).isEqualTo(
          new Violation(rule.model(), rule.field(), String.valueOf(v), expectedRule));
    }
  }

  static Stream<Arguments> sdxlHasNoSizeLimitButStableDiffusionDoes() {
    return Stream.of(Arguments.of(1088), Arguments.of(1000), Arguments.of(2048));
  }

  @ParameterizedTest
  @MethodSource
  void sdxlHasNoSizeLimitButStableDiffusionDoes(int size) {
    assertThat(SdxlInput.builder().width(size).height(size).build().toWire())
        .containsEntry("width", (long) size).containsEntry("height", (long) size);
    assertThat(catchThrowableOfType(ValidationException.class,
        () -> StableDiffusionInput.builder().width(size).height(size).build()).violations())
        .hasSize(2);
  }

  static Violation onlyViolation(org.assertj.core.api.ThrowableAssert.ThrowingCallable build) {
    ValidationException e = catchThrowableOfType(ValidationException.class, build);
    assertThat(e).as("expected a ValidationException").isNotNull();
    assertThat(e.violations()).hasSize(1);
    return e.violations().get(0);
  }
}
