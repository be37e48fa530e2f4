package dev.replicate4j.models;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.provider.Arguments;

/**
 * One model's constraint table for {@link InputViolationsTest}: each row breaks one rule on a
 * valid builder and names the exact message the build must throw.
 */
final class ViolationRows<B> {
  private final String model;
  private final Supplier<B> valid;
  private final Consumer<B> build;
  private final Stream.Builder<Arguments> rows = Stream.builder();

  private ViolationRows(String model, Supplier<B> valid, Consumer<B> build) {
    this.model = model;
    this.valid = valid;
    this.build = build;
  }

  static <B> ViolationRows<B> of(String model, Supplier<B> valid, Consumer<B> build) {
    return new ViolationRows<>(model, valid, build);
  }

  ViolationRows<B> row(String constraint, Consumer<B> change, String message) {
    ThrowingCallable call = () -> {
      B builder = valid.get();
      change.accept(builder);
      build.accept(builder);
    };
    rows.add(arguments(model + ": " + constraint, call, message));
    return this;
  }

  Stream<Arguments> stream() {
    return rows.build();
  }
}
