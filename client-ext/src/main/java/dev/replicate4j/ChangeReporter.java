package dev.replicate4j;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers what listeners were already told about one prediction, so each status change, log chunk
 * and progress value reaches them exactly once however many polls see it; and keeps the latest
 * state seen, which never moves backwards: an answer older than it (a poll or refresh that was
 * overtaken) is dropped, so that {@link #latest()} and the listeners see the same history.
 */
final class ChangeReporter {
  private static final Logger log = LoggerFactory.getLogger(ChangeReporter.class);

  private final List<PredictionListener> listeners = new CopyOnWriteArrayList<>();
  private String lastRawStatus;
  private boolean sawStatus;
  private int logsReported;
  private double lastProgress = -1;
  private volatile Prediction latest;

  /** The latest state seen, or null before the first. */
  Prediction latest() {
    return latest;
  }

  void add(PredictionListener listener) {
    listeners.add(listener);
  }

  synchronized void observe(Prediction p) {
    if (olderThanLatest(p)) {
      return;
    }
    latest = p;
    // What a prediction printed came before it ended: on the answer that shows the end, its last
    // logs and progress are reported first, so that the end is the last thing a listener hears.
    boolean ended = p.status().isTerminal();
    if (!ended) {
      reportStatus(p);
    }
    reportLogs(p);
    reportProgress(p);
    if (ended) {
      reportStatus(p);
    }
  }

  private void reportStatus(Prediction p) {
    String raw = p.rawStatus().orElse(null);
    if (!sawStatus || !Objects.equals(raw, lastRawStatus)) {
      PredictionStatus previous = sawStatus ? PredictionStatus.fromWire(lastRawStatus) : null;
      sawStatus = true;
      lastRawStatus = raw;
      notifyEach(l -> l.onStatusChange(p, previous));
    }
  }

  private void reportLogs(Prediction p) {
    String logs = p.logs();
    if (logs.length() > logsReported) {
      String chunk = logs.substring(logsReported);
      logsReported = logs.length();
      notifyEach(l -> l.onLogs(p, chunk));
    } else if (logs.length() < logsReported) {
      // The server rewrote the logs (not expected): report them whole once more.
      logsReported = logs.length();
      if (!logs.isEmpty()) {
        notifyEach(l -> l.onLogs(p, logs));
      }
    }
  }

  private void reportProgress(Prediction p) {
    OptionalDouble progress = TqdmProgress.lastFraction(p.logs());
    if (progress.isPresent() && progress.getAsDouble() != lastProgress) {
      lastProgress = progress.getAsDouble();
      double fraction = lastProgress;
      notifyEach(l -> l.onProgress(p, fraction));
    }
  }

  /**
   * Whether {@code p} is an answer overtaken by one already seen: not terminal after a terminal
   * state, starting after processing, or the same status with shorter logs. (An unknown status has
   * no place in the order, so it is never taken for an older one.)
   */
  private boolean olderThanLatest(Prediction p) {
    Prediction seen = latest;
    if (seen == null) {
      return false;
    }
    PredictionStatus now = p.status();
    PredictionStatus before = seen.status();
    return before.isTerminal() && !now.isTerminal()
        || before == PredictionStatus.PROCESSING && now == PredictionStatus.STARTING
        || p.rawStatus().equals(seen.rawStatus())
            && p.logs().length() < seen.logs().length();
  }

  private void notifyEach(java.util.function.Consumer<PredictionListener> call) {
    for (PredictionListener listener : listeners) {
      try {
        call.accept(listener);
      } catch (RuntimeException e) {
        // A broken listener must not break the wait; it is reported, not hidden.
        log.warn("A PredictionListener threw; the wait goes on", e);
      }
    }
  }
}
