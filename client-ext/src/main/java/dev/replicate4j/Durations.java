package dev.replicate4j;

import java.time.Duration;
import java.util.Objects;

/** Argument checks for the durations the builders take. */
final class Durations {
  private Durations() {}

  static Duration positive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return value;
  }
}
