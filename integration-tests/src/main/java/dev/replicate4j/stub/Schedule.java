package dev.replicate4j.stub;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a prediction spends in each state before it moves on: {@code starting} for
 * {@link #starting()}, then {@code processing} for {@link #processing()}, then it finishes. Measured
 * in real time from the moment the stub creates the prediction.
 */
public final class Schedule {
  private static final Schedule DEFAULT = new Schedule(Duration.ofMillis(200), Duration.ofMillis(800));

  private final Duration starting;
  private final Duration processing;

  private Schedule(Duration starting, Duration processing) {
    this.starting = starting;
    this.processing = processing;
  }

  /**
   * A schedule.
   *
   * @param starting time in {@code starting} before processing begins (zero or more)
   * @param processing time in {@code processing} before the prediction finishes (zero or more)
   * @return the schedule
   * @throws IllegalArgumentException if either duration is negative
   */
  public static Schedule of(Duration starting, Duration processing) {
    Objects.requireNonNull(starting, "starting");
    Objects.requireNonNull(processing, "processing");
    if (starting.isNegative() || processing.isNegative()) {
      throw new IllegalArgumentException(
          "Schedule durations must not be negative: starting=" + starting + ", processing=" + processing);
    }
    return new Schedule(starting, processing);
  }

  /**
   * The default schedule: 200 ms starting, 800 ms processing.
   *
   * @return the default schedule
   */
  public static Schedule defaults() {
    return DEFAULT;
  }

  /**
   * Time spent in {@code starting}.
   *
   * @return the duration
   */
  public Duration starting() {
    return starting;
  }

  /**
   * Time spent in {@code processing}.
   *
   * @return the duration
   */
  public Duration processing() {
    return processing;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Schedule && ((Schedule) o).starting.equals(starting)
        && ((Schedule) o).processing.equals(processing);
  }

  @Override
  public int hashCode() {
    return Objects.hash(starting, processing);
  }

  /** Both durations, for test output. */
  @Override
  public String toString() {
    return "Schedule{starting=" + starting.toMillis() + "ms, processing=" + processing.toMillis() + "ms}";
  }
}
