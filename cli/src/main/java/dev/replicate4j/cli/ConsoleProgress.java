package dev.replicate4j.cli;

import dev.replicate4j.Prediction;
import dev.replicate4j.PredictionListener;
import dev.replicate4j.PredictionStatus;
import java.io.PrintWriter;

/**
 * Shows status changes and progress while a command waits: a bar redrawn in place on a terminal,
 * plain lines (one per tenth) otherwise, so logs and pipes stay readable.
 */
final class ConsoleProgress implements PredictionListener {
  private static final int WIDTH = 30;
  private final PrintWriter out;
  private final boolean terminal;
  private boolean lineOpen;
  private long lastTenth = -1;

  ConsoleProgress(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  @Override
  public synchronized void onStatusChange(Prediction prediction, PredictionStatus previous) {
    finish();
    out.println("  status: " + prediction.rawStatus().orElse("(not given)"));
    out.flush();
  }

  @Override
  public synchronized void onProgress(Prediction prediction, double fraction) {
    long percent = Math.round(fraction * 100);
    if (terminal) {
      int filled = (int) Math.round(fraction * WIDTH);
      out.print("\r  [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "%   ");
      lineOpen = true;
    } else if (percent / 10 != lastTenth) {
      lastTenth = percent / 10;
      out.println("  progress: " + percent + "%");
    }
    out.flush();
  }

  /** Ends the progress line, if one is open, so what follows starts on its own line. */
  synchronized void finish() {
    if (lineOpen) {
      out.println();
      out.flush();
      lineOpen = false;
    }
  }
}
