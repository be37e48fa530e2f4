package dev.replicate4j.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.replicate4j.ValidationException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/** For any value, an input builds exactly when the value is within the model's rule. */
class RangePropertiesTest {

  @Property(tries = 2000)
  void anIntegerIsAcceptedExactlyWhenInRange(
      @ForAll("integersAroundTheEdges") Tuple2<Rules.IntRule, Integer> sample) {
    Rules.IntRule rule = sample.get1();
    int v = sample.get2();
    boolean inRange = v >= rule.min() && v <= rule.max();
    assertThat(buildsOk(() -> rule.build().apply(v))).as("%s with %d", rule, v).isEqualTo(inRange);
  }

  @Property(tries = 2000)
  void aNumberIsAcceptedExactlyWhenInRange(
      @ForAll("numbersAroundTheEdges") Tuple2<Rules.DoubleRule, Double> sample) {
    Rules.DoubleRule rule = sample.get1();
    double v = sample.get2();
    boolean inRange = v >= rule.min() && v <= rule.max();
    assertThat(buildsOk(() -> rule.build().apply(v))).as("%s with %s", rule, v).isEqualTo(inRange);
  }

  @Property(tries = 2000)
  void aStableDiffusionSizeIsAcceptedExactlyWhenAMultipleOf64UpTo1024(
      @ForAll("sizes") int size) {
    boolean valid = size >= 64 && size <= 1024 && size % 64 == 0;
    assertThat(buildsOk(() -> StableDiffusionInput.builder().width(size).build())).isEqualTo(valid);
    assertThat(buildsOk(() -> Rules.inpainting().height(size).build())).isEqualTo(valid);
  }

  @Provide
  Arbitrary<Tuple2<Rules.IntRule, Integer>> integersAroundTheEdges() {
    return Arbitraries.of(Rules.INTS).flatMap(rule -> Arbitraries.oneOf(
        Arbitraries.integers().between(rule.min() - 3, rule.max() + 3),
        Arbitraries.integers()).map(v -> Tuple.of(rule, v)));
  }

  @Provide
  Arbitrary<Tuple2<Rules.DoubleRule, Double>> numbersAroundTheEdges() {
    return Arbitraries.of(Rules.DOUBLES).flatMap(rule -> Combinators.combine(
        Arbitraries.just(rule),
        Arbitraries.oneOf(
            Arbitraries.doubles().between(rule.min() - 1, rule.max() + 1),
            Arbitraries.of(Math.nextDown(rule.min()), Math.nextUp(rule.max()), rule.min(),
                rule.max(), Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY),
            Arbitraries.doubles())).as(Tuple::of));
  }

  @Provide
  Arbitrary<Integer> sizes() {
    return Arbitraries.oneOf(Arbitraries.integers().between(-70, 1100),
        Arbitraries.integers().between(0, 20).map(i -> i * 64), Arbitraries.integers());
  }

  private static boolean buildsOk(Runnable build) {
    Throwable thrown = catchThrowable(build::run);
    if (thrown != null && !(thrown instanceof ValidationException)) {
      throw new AssertionError("unexpected exception", thrown);
    }
    return thrown == null;
  }
}
