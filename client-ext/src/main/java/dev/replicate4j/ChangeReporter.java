package dev.replicate4j;

import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers what listeners were already told about one prediction, so each status change, log chunk
 * and progress value reaches them exactly once however many polls see it.
 */
final class ChangeReporter {
  private static final Logger log = LoggerFactory.getLogger(ChangeReporter.class);

  private final List<PredictionListener> listeners = new CopyOnWriteArrayList<>();
  private String lastRawStatus;
  private boolean sawStatus;
  private int logsReported;
  private double lastProgress = -1;

  void add(PredictionListener listener) {
    listeners.add(listener);
  }

  synchronized void observe(Prediction p) {
    String raw = p.rawStatus();
    if (!sawStatus || !java.util.Objects.equals(raw, lastRawStatus)) {
      PredictionStatus previous = sawStatus ? PredictionStatus.fromWire(lastRawStatus) : null;
      sawStatus = true;
      lastRawStatus = raw;
      notifyEach(l -> l.onStatusChange(p, previous));
    }
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
    OptionalDouble progress = TqdmProgress.lastFraction(logs);
    if (progress.isPresent() && progress.getAsDouble() != lastProgress) {
      lastProgress = progress.getAsDouble();
      double fraction = lastProgress;
      notifyEach(l -> l.onProgress(p, fraction));
    }
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
