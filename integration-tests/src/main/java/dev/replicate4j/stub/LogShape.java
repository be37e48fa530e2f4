package dev.replicate4j.stub;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What a prediction prints into its logs while it processes, in the shapes real models' logs take.
 * Choose one per stub with {@link StubRelayBuilder#logShape(LogShape)}, per prediction from its
 * input with {@link StubRelayBuilder#logShapes}, or per create with the {@value #HEADER} header
 * (a shape's name in any case, for example {@code X-Stub-Log-Shape: two_bars}), which wins over
 * both; an unknown name is a 400. Times are fractions of the
 * processing time; a bar's elapsed and remaining times are what tqdm would print, except where the
 * shape says otherwise.
 */
public enum LogShape {
  /** One tqdm bar from 0% at the start to 100% at the end, honest times (the default). */
  HONEST,
  /** The percentage advances honestly but every line prints {@code [00:01<00:02]}. */
  CONSTANT_ETA,
  /** A base model's bar over the first 60%, then a refiner's bar with a fifth of the steps. */
  TWO_BARS,
  /** A bar at the pace of half the job reaches 40%, then starts over at 25% and takes the rest. */
  RESTART,
  /** A bar reaches the step before its last at 60% of the time and stays there until the end. */
  STALL_AT_99,
  /** A bar reaches 100% at 75% of the time; saving and uploading take the rest. */
  TAIL_AFTER_100,
  /** A tqdm counter without a total: {@code 23it [00:01, 20.10it/s]}. */
  RATE_ONLY,
  /** Plain lines, no bar. */
  NO_BAR,
  /** About 1 MiB of weight-download bars (another total) first, then an honest bar. */
  MANY_BARS;

  /** The create header that chooses a prediction's shape, over the stub's rule. */
  public static final String HEADER = "X-Stub-Log-Shape";

  /** A text appended to the logs at a fraction of the processing time. */
  record Line(double at, String text) {}

  private static final int TICKS = 5;

  /** The shape for a create: its header's if sent, else the rule's for its input. */
  static LogShape choose(String header, Function<Map<String, Object>, LogShape> rule,
      Map<String, Object> input) {
    if (header != null) {
      try {
        return valueOf(header.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw Problem.badRequest(HEADER + " must name a log shape (" + Arrays.toString(values())
            .toLowerCase(Locale.ROOT) + "), not '" + header + "'");
      }
    }
    LogShape shape = rule.apply(Collections.unmodifiableMap(input));
    if (shape == null) {
      throw new IllegalStateException("The stub's log shape rule returned null for " + input);
    }
    return shape;
  }

  /**
   * What is printed while processing, the first at 0.
   *
   * @param total the model's steps
   * @param seconds the processing time
   */
  List<Line> during(long total, double seconds) {
    List<Line> lines = new ArrayList<>();
    switch (this) {
      case CONSTANT_ETA:
        for (int k = 0; k < TICKS; k++) {
          lines.add(new Line((double) k / TICKS, constantEta(total * k / TICKS, total)));
        }
        break;
      case TWO_BARS:
        bar(lines, 0, 0.6, total, seconds, TICKS);
        lines.add(new Line(0.6, ProgressLine.of(total, total, 0.6 * seconds)));
        bar(lines, 0.6, 0.4, refinerSteps(total), seconds, TICKS - 1);
        break;
      case RESTART:
        bar(lines, 0, 0.5, total, seconds, TICKS);
        lines.removeIf(l -> l.at() > 0.2 + 1e-9);
        lines.add(new Line(0.25, "CUDA out of memory; retrying with a smaller batch"));
        bar(lines, 0.25, 0.75, total, seconds, TICKS);
        break;
      case STALL_AT_99:
        for (int k = 0; k < TICKS; k++) {
          lines.add(new Line(0.6 * k / TICKS, ProgressLine.of((total - 1) * k / TICKS, total,
              0.6 * seconds * k / TICKS)));
        }
        lines.add(new Line(0.6, ProgressLine.of(total - 1, total, 0.6 * seconds)));
        break;
      case TAIL_AFTER_100:
        bar(lines, 0, 0.75, total, seconds, TICKS);
        lines.add(new Line(0.75, ProgressLine.of(total, total, 0.75 * seconds)));
        lines.add(new Line(0.75, "Saving and uploading outputs"));
        break;
      case RATE_ONLY:
        for (int k = 0; k < TICKS; k++) {
          lines.add(new Line((double) k / TICKS, rateOnly(total * k / TICKS, seconds * k / TICKS)));
        }
        break;
      case NO_BAR:
        for (int k = 0; k < TICKS; k++) {
          lines.add(new Line((double) k / TICKS, "denoising batch " + (k + 1) + " of " + TICKS));
        }
        break;
      case MANY_BARS:
        lines.add(new Line(0, downloads()));
        bar(lines, 0, 1, total, seconds, TICKS);
        break;
      default:
        bar(lines, 0, 1, total, seconds, TICKS);
    }
    return lines;
  }

  /** What is printed at the end, with the final status. */
  String atEnd(long total, double seconds) {
    switch (this) {
      case CONSTANT_ETA:
        return constantEta(total, total);
      case TWO_BARS:
        return ProgressLine.of(refinerSteps(total), refinerSteps(total), 0.4 * seconds);
      case RESTART:
        return ProgressLine.of(total, total, 0.75 * seconds);
      case TAIL_AFTER_100:
        return "Uploaded outputs";
      case RATE_ONLY:
        return rateOnly(total, seconds);
      case NO_BAR:
        return "done";
      default:
        return ProgressLine.of(total, total, seconds);
    }
  }

  /** Lines of a bar over {@code [from, from + length]} at {@code ticks} even steps, not its end. */
  private static void bar(List<Line> lines, double from, double length, long total,
      double seconds, int ticks) {
    for (int k = 0; k < ticks; k++) {
      double elapsed = seconds * length * k / ticks;
      lines.add(new Line(from + length * k / ticks, ProgressLine.of(total * k / ticks, total,
          elapsed)));
    }
  }

  private static long refinerSteps(long total) {
    return Math.max(2, total / 5);
  }

  private static String constantEta(long n, long total) {
    String line = ProgressLine.of(n, total, 1);
    return line.substring(0, line.indexOf('[')) + "[00:01<00:02]";
  }

  private static String rateOnly(long n, double elapsed) {
    double rate = elapsed > 0 ? n / elapsed : 0;
    long s = (long) elapsed;
    return String.format(Locale.ROOT, "%dit [%02d:%02d, %5.2fit/s]", n, s / 60, s % 60, rate);
  }

  /** About 1 MiB of finished download bars of 20 chunks, redrawn in place, one per file. */
  private static String downloads() {
    StringBuilder logs = new StringBuilder(1 << 20);
    for (int file = 0; logs.length() < (1 << 20); file++) {
      logs.append("Downloading weights part ").append(file).append('\n');
      for (int k = 0; k <= 20; k++) {
        logs.append(ProgressLine.of(k, 20, 0.01 * k)).append(k < 20 ? '\r' : '\n');
      }
    }
    return logs.toString();
  }
}
