package dev.replicate4j.stub;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How a prediction ends. Set it for the next predictions created with
 * {@link StubRelay#nextOutcome(Outcome)}, or for a running one with
 * {@link StubRelay#setOutcome(String, Outcome)}.
 */
public final class Outcome {
  enum Kind { SUCCEED, FAIL, ABORT, DATA_REMOVED, UNKNOWN_STATUS }

  private static final Outcome SUCCEED = new Outcome(Kind.SUCCEED, null, null, null);
  private static final Outcome ABORT = new Outcome(Kind.ABORT, null, null, null);
  private static final Outcome DATA_REMOVED = new Outcome(Kind.DATA_REMOVED, null, null, null);

  final Kind kind;
  final String error;
  final String status;
  final Duration duration;

  private Outcome(Kind kind, String error, String status, Duration duration) {
    this.kind = kind;
    this.error = error;
    this.status = status;
    this.duration = duration;
  }

  /**
   * The normal end: {@code succeeded} with output files of the model's shape.
   *
   * @return the outcome
   */
  public static Outcome succeeded() {
    return SUCCEED;
  }

  /**
   * Ends {@code failed} after processing, with this error and a traceback in the logs.
   *
   * @param error the error message, not blank
   * @return the outcome
   */
  public static Outcome failed(String error) {
    if (error == null || error.isBlank()) {
      throw new IllegalArgumentException("A failed outcome needs an error message");
    }
    return new Outcome(Kind.FAIL, error, null, null);
  }

  /**
   * Ends {@code aborted} when it would have started: it never runs.
   *
   * @return the outcome
   */
  public static Outcome aborted() {
    return ABORT;
  }

  /**
   * Ends {@code succeeded} with {@code output: null} and {@code data_removed: true}.
   *
   * @return the outcome
   */
  public static Outcome dataRemoved() {
    return DATA_REMOVED;
  }

  /**
   * Shows a status the API does not document (for example {@code queued_for_gpu}) instead of
   * {@code starting} for a while, then processes and succeeds as usual.
   *
   * @param status the status text, not one of the documented ones
   * @param duration how long it shows, zero or more
   * @return the outcome
   */
  public static Outcome unknownStatus(String status, Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (status == null || status.isBlank() || StubPrediction.KNOWN_STATUSES.contains(status)) {
      throw new IllegalArgumentException("An unknown-status outcome needs a status the API does not "
          + "document, got '" + status + "'");
    }
    if (duration.isNegative()) {
      throw new IllegalArgumentException("Duration must not be negative: " + duration);
    }
    return new Outcome(Kind.UNKNOWN_STATUS, null, status, duration);
  }

  /** The outcome, for test output. */
  @Override
  public String toString() {
    switch (kind) {
      case FAIL:
        return "failed(" + error + ")";
      case UNKNOWN_STATUS:
        return "unknownStatus(" + status + ", " + duration.toMillis() + "ms)";
      default:
        return kind.name().toLowerCase(Locale.ROOT);
    }
  }
}
