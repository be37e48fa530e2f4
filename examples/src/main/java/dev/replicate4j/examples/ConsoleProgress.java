package dev.replicate4j.examples;

import dev.replicate4j.Prediction;
import dev.replicate4j.PredictionListener;
import dev.replicate4j.PredictionStatus;
import java.io.PrintStream;

/** Shows status changes and a progress bar on the terminal while the job waits. */
final class ConsoleProgress implements PredictionListener {
  private static final int WIDTH = 30;
  private final PrintStream out;
  private boolean lastWasProgress;

  ConsoleProgress(PrintStream out) {
    this.out = out;
  }

  @Override
  public void onStatusChange(Prediction prediction, PredictionStatus previous) {
    out.print((lastWasProgress ? "\n" : "") + "  status: " + prediction.rawStatus() + "\n");
    lastWasProgress = false;
    out.flush();
  }

  @Override
  public void onProgress(Prediction prediction, double fraction) {
    int filled = (int) Math.round(fraction * WIDTH);
    out.print("\r  [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
        + Math.round(fraction * 100) + "%   ");
    lastWasProgress = true;
    out.flush();
  }

  /** Ends the progress line, if one is open, so what follows starts on its own line. */
  void finish() {
    if (lastWasProgress) {
      out.println();
      lastWasProgress = false;
    }
  }
}
