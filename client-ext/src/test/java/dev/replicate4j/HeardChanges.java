package dev.replicate4j;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener that writes down what it hears, one line per callback, in order. */
final class HeardChanges implements PredictionListener {
  final List<String> events = new CopyOnWriteArrayList<>();

  @Override
  public void onStatusChange(Prediction p, PredictionStatus previous) {
    events.add("status " + p.status());
  }

  @Override
  public void onLogs(Prediction p, String newLogs) {
    events.add("logs " + newLogs.strip());
  }

  @Override
  public void onProgress(Prediction p, double fraction) {
    events.add("progress " + fraction);
  }
}
