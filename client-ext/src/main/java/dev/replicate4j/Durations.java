package dev.replicate4j;

import java.time.Duration;
import java.util.Objects;

/** Argument checks for the durations the builders take, and the jitter both policies apply. */
final class Durations {
  private Durations() {}

  static Duration positive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return value;
  }

  /** The longest timeout OkHttp takes: a whole number of milliseconds that fits an int. */
  static final Duration LONGEST_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

  /** A timeout of 1 ms to {@link #LONGEST_TIMEOUT} (about 24.8 days). */
  static Duration timeout(String name, Duration value) {
    positive(name, value);
    if (value.toMillis() == 0) {
      // OkHttp keeps whole milliseconds: it would take less as 0, which to it means no timeout.
      throw new IllegalArgumentException(name + " must be at least 1 ms (OkHttp counts whole"
          + " milliseconds, and 0 means no timeout), was " + value);
    }
    if (value.compareTo(LONGEST_TIMEOUT) > 0) {
      throw new IllegalArgumentException(name + " must be at most " + LONGEST_TIMEOUT.toMillis()
          + " ms (about 24.8 days, OkHttp's longest), was " + value);
    }
    return value;
  }

  static Duration notNegative(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
    return value;
  }

  /** Checks that a cap is not below the value it caps, as a built policy needs. */
  static void notShorter(String capName, Duration cap, String name, Duration value) {
    if (cap.compareTo(value) < 0) {
      throw new IllegalArgumentException(capName + " (" + cap + ") must not be shorter than "
          + name + " (" + value + ")");
    }
  }

  /** Checks a jitter fraction: 0 (exact delays) to 1. */
  static double jitter(double jitter) {
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("jitter must be in 0..1, was " + jitter);
    }
    return jitter;
  }

  /** Shortens {@code delay} by up to {@code jitter} of it, as {@code random} (0..1) says. */
  static Duration jittered(Duration delay, double jitter, double random) {
    return Duration.ofMillis(Math.round(delay.toMillis() * (1.0 - jitter * random)));
  }
}
