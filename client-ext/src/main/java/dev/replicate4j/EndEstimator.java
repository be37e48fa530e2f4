package dev.replicate4j;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a prediction will end, from two kinds of evidence in its logs' progress bar: the end the bar
 * prints (its remaining time, dated by {@link BarEndWindow}) and the end its progress rate implies,
 * observed across polls (fraction done over this machine's time between two dated lines of the
 * same bar). A bar's printed times can be wrong (a constant ETA, a rate from another phase), so a
 * long jump is trusted only when the two agree; otherwise an end can only bring a poll forward. A
 * bar that moves while its own clock stands still prints made-up times: only its rate counts.
 *
 * <p>A bar whose fraction goes down or whose total changes is a new bar (a second model, a download,
 * a restart): the observation starts over. A bar at 100% while the prediction still runs, or one
 * whose ends have all passed, means a tail (saving, uploading, a last step): the caller polls on a
 * short schedule rather than backing off. Thin evidence (no bar, a line without a time) gives no
 * plan, and the caller keeps its plain schedule.
 *
 * <p>One waiter's: observed and asked one poll at a time, never concurrently.
 */
final class EndEstimator {
  /** Ends agree when this close, relative to the time the printed end was ahead of its line. */
  static final double AGREEMENT = 0.25;
  /** Ends always agree when this close: lines are dated no finer than a poll's round trip. */
  static final Duration AGREEMENT_FLOOR = Duration.ofMillis(300);

  /** What the evidence says about the next poll. */
  enum Kind {
    /** No usable evidence: the plain schedule. */
    NONE,
    /** An end that may bring a poll forward, never put it off. */
    SOONER,
    /** An end both kinds of evidence agree on: a poll may be put off to it. */
    TRUSTED,
    /** The bar is done but the prediction is not: a short tail since {@link Plan#at()}. */
    TAIL
  }

  /**
   * The evidence's advice.
   *
   * @param kind what kind of advice
   * @param at the end (SOONER, TRUSTED) or the start of the tail (TAIL); null for NONE
   */
  record Plan(Kind kind, Instant at) {
    static final Plan NONE = new Plan(Kind.NONE, null);
  }

  private final BarEndWindow window;
  private TqdmProgress.Reading first;
  private Instant firstAt;
  private TqdmProgress.Reading latest;
  private Instant latestAt;
  private boolean clockStands;

  EndEstimator(BarEndWindow window) {
    this.window = window;
  }

  /** Takes in a response that arrived at {@code arrivedAt}. */
  void observe(Prediction p, Instant arrivedAt) {
    window.observe(p, arrivedAt);
    Optional<TqdmProgress.Reading> seen = window.reading();
    Optional<Instant> printed = window.printedNoEarlier();
    if (seen.isEmpty() || printed.isEmpty()) {
      first = null;
      latest = null;
      return;
    }
    TqdmProgress.Reading r = seen.get();
    if (latest != null && r.line().equals(latest.line())) {
      return;
    }
    if (latest == null || r.fraction() < latest.fraction() || r.total() != latest.total()) {
      first = r;
      firstAt = printed.get();
      clockStands = false;
    } else if (r.elapsed() != null && latest.elapsed() != null
        && r.elapsed().compareTo(latest.elapsed()) <= 0) {
      // The bar moved but its own clock did not: its printed times are made up.
      clockStands = true;
    }
    latest = r;
    latestAt = printed.get();
  }

  /** The advice for a poll planned at {@code now}. */
  Plan plan(Instant now) {
    if (latest == null) {
      return Plan.NONE;
    }
    if (latest.fraction() >= 1) {
      return new Plan(Kind.TAIL, latestAt);
    }
    Optional<Instant> printed = clockStands ? Optional.empty() : window.earliestEnd();
    Optional<Instant> observed = observedEnd();
    if (printed.isPresent() && observed.isPresent() && agree(printed.get(), observed.get())) {
      Optional<Instant> next = window.nextEnd(now);
      if (next.isPresent()) {
        return new Plan(Kind.TRUSTED, next.get());
      }
      return new Plan(Kind.TAIL, printed.get());
    }
    // Thin or disagreeing evidence: the sooner end may bring a poll forward; once every end has
    // passed with the bar still short of done, the end is near, whichever was right.
    Instant sooner = null;
    Instant passed = null;
    for (Optional<Instant> end : List.of(printed, observed)) {
      if (end.isEmpty()) {
        continue;
      }
      if (end.get().isAfter(now)) {
        sooner = sooner == null || end.get().isBefore(sooner) ? end.get() : sooner;
      } else {
        passed = passed == null || end.get().isAfter(passed) ? end.get() : passed;
      }
    }
    if (sooner != null) {
      return new Plan(Kind.SOONER, sooner);
    }
    if (passed == null) {
      return Plan.NONE;
    }
    // The tail is timed from the later of the passed end and the latest line: a rate read from
    // badly dated lines can put its end long before either.
    return new Plan(Kind.TAIL, passed.isAfter(latestAt) ? passed : latestAt);
  }

  /** The end the rate between the bar's first and latest dated lines implies, if they differ. */
  private Optional<Instant> observedEnd() {
    if (first == latest || latest.fraction() <= first.fraction() || !latestAt.isAfter(firstAt)) {
      return Optional.empty();
    }
    double perNano = (latest.fraction() - first.fraction())
        / Duration.between(firstAt, latestAt).toNanos();
    return Optional.of(latestAt.plusNanos(Math.round((1 - latest.fraction()) / perNano)));
  }

  private boolean agree(Instant printed, Instant observed) {
    Duration ahead = Duration.between(latestAt, printed);
    long tolerance = Math.max(AGREEMENT_FLOOR.toNanos(),
        (long) (Math.max(0, ahead.toNanos()) * AGREEMENT));
    return Math.abs(Duration.between(printed, observed).toNanos()) <= tolerance;
  }
}
