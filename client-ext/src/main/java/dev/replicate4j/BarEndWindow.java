package dev.replicate4j;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a prediction's last progress bar will end, on this machine's clock, as a window: a poll
 * shows a progress line some time after the model printed it, and planning from the moment the
 * poll arrived would land every jump late by that much.
 *
 * <p>A line was printed no later than the arrival of the first response showing it. It was printed
 * no earlier than the prediction's start plus the bar's own elapsed time, as a bar starts after its
 * prediction does, nor before the arrival of the response before, which did not show it. The start
 * is a server time, placed on this clock through the create call: the server stamped
 * {@code created_at} after the create was sent, so a server time {@code T} fell on this clock no
 * earlier than {@code sentAt + (T - created_at)}, whatever the two clocks read. For a prediction
 * this process did not create there is no such anchor, and the window shrinks to its late end (as
 * if each line had just been printed), which can only make polls later.
 *
 * <p>One waiter's: observed and asked one poll at a time, never concurrently.
 */
final class BarEndWindow {
  private static final Logger log = LoggerFactory.getLogger(BarEndWindow.class);
  private final Instant createSentAt;
  private Instant lastArrival;
  private TqdmProgress.Reading bar;
  private Instant printedBy;
  private Instant printedAfter;
  private Instant startedAfter;

  /**
   * @param createSentAt when this process sent the create, or null if it did not create it
   */
  BarEndWindow(Instant createSentAt) {
    this.createSentAt = createSentAt;
  }

  /**
   * Takes in a response that arrived at {@code arrivedAt}. The window is a hint: a progress line or
   * a date it cannot read leaves it without a bar or without an anchor, and polling goes on by the
   * schedule.
   */
  void observe(Prediction p, Instant arrivedAt) {
    try {
      Optional<TqdmProgress.Reading> latest = TqdmProgress.lastReading(p.logs());
      if (latest.isEmpty()) {
        bar = null;
      } else if (bar == null || !bar.line().equals(latest.get().line())) {
        bar = latest.get();
        printedBy = arrivedAt;
        printedAfter = lastArrival;
      }
    } catch (RuntimeException e) {
      log.debug("prediction {}: progress line not usable to time polls: {}", p.id(), e.toString());
      bar = null;
    }
    lastArrival = arrivedAt;
    if (startedAfter == null && createSentAt != null) {
      try {
        Optional<Instant> created = p.createdAt();
        Optional<Instant> started = p.startedAt();
        if (created.isPresent() && started.isPresent()) {
          startedAfter = createSentAt.plus(Duration.between(created.get(), started.get()));
        }
      } catch (RuntimeException e) {
        log.debug("prediction {}: start not usable to time polls: {}", p.id(), e.toString());
      }
    }
  }

  /**
   * The last progress line seen, whether or not it tells its end.
   *
   * @return the line read, or empty when the logs show no bar
   */
  Optional<TqdmProgress.Reading> reading() {
    return Optional.ofNullable(bar);
  }

  /**
   * The earliest this machine's clock can have read when the last progress line was printed.
   *
   * @return the instant, or empty when the logs show no bar
   */
  Optional<Instant> printedNoEarlier() {
    if (bar == null) {
      return Optional.empty();
    }
    Instant printedNoEarlier = printedBy;
    if (startedAfter != null) {
      Instant bound = startedAfter.plus(bar.elapsed() == null ? Duration.ZERO : bar.elapsed());
      if (printedAfter != null && printedAfter.isAfter(bound)) {
        bound = printedAfter;
      }
      if (bound.isBefore(printedBy)) {
        printedNoEarlier = bound;
      }
    }
    return Optional.of(printedNoEarlier);
  }

  /**
   * The middle of the span in which the last progress line was printed: what the rate between two
   * lines is measured from, since either bound alone can be off by a whole poll interval.
   *
   * @return the instant, or empty when the logs show no bar
   */
  Optional<Instant> printedAround() {
    return printedNoEarlier().map(early -> early.plus(Duration.between(early, printedBy).dividedBy(2)));
  }

  /**
   * The earliest end of the window, passed or not.
   *
   * @return the instant, or empty when no bar tells its end
   */
  Optional<Instant> earliestEnd() {
    if (bar == null || bar.remaining() == null) {
      return Optional.empty();
    }
    return printedNoEarlier().map(at -> at.plus(bar.remaining()));
  }

  /**
   * The earliest end of the window, if still after {@code now}. Once it has passed, the end is due
   * at any moment: the window's late end (the line printed just before the poll that showed it) can
   * be a whole poll interval later, so it is no time to wait for.
   *
   * @return the instant, or empty when no bar tells its end or the earliest end has passed
   */
  Optional<Instant> nextEnd(Instant now) {
    return earliestEnd().filter(end -> end.isAfter(now));
  }
}
