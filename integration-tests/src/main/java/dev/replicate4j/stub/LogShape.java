package dev.replicate4j.stub;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.Function;

/**
 * What a prediction prints into its logs while it processes, in the shapes real models' logs take.
 * Choose one per stub with {@link StubRelayBuilder#logShape(LogShape)}, per prediction from its
 * input with {@link StubRelayBuilder#logShapes}, or per create with the {@value #HEADER} header
 * (a shape's name in any case, for example {@code X-Stub-Log-Shape: two_bars}), which wins over
 * both; an unknown name is a 400. Lines are appended at planned fractions of the processing time
 * ("at 60%" below); a bar's elapsed and remaining times are what tqdm would print when the line is
 * really appended (time since the bar's first line, on the stub's clock: a stub running behind its
 * schedule prints the time it really took), except where the shape says otherwise.
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

  /**
   * A line appended to the logs at a fraction of the processing time. Its text is written when it
   * is appended, from the seconds processing has really lasted by then on the stub's clock: a stub
   * that runs late prints the time it really took, as tqdm does, not the time it planned.
   */
  record Line(double at, DoubleFunction<String> text) {
    static Line fixed(double at, String text) {
      return new Line(at, seconds -> text);
    }
  }

  /**
   * What one prediction prints: {@code during} while processing, the first at 0, and {@code end}
   * with the final status. Its bars keep their own clocks, so it serves one prediction only.
   */
  record Script(List<Line> during, DoubleFunction<String> end) {}

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
   * What a prediction prints, at the planned fractions of the processing time.
   *
   * @param total the model's steps
   */
  Script script(long total) {
    List<Line> lines = new ArrayList<>();
    switch (this) {
      case CONSTANT_ETA:
        for (int k = 0; k < TICKS; k++) {
          lines.add(Line.fixed((double) k / TICKS, constantEta(total * k / TICKS, total)));
        }
        return new Script(lines, seconds -> constantEta(total, total));
      case TWO_BARS: {
        Bar base = new Bar(total);
        base.lines(lines, 0, 0.6, TICKS, total);
        lines.add(new Line(0.6, base.at(total)));
        Bar refiner = new Bar(refinerSteps(total));
        refiner.lines(lines, 0.6, 0.4, TICKS - 1, refinerSteps(total));
        return new Script(lines, refiner.at(refinerSteps(total)));
      }
      case RESTART: {
        // The first attempt's pace would take half the job; it prints 0%, 20% and 40%.
        new Bar(total).lines(lines, 0, 0.5, TICKS, total);
        lines.removeIf(l -> l.at() > 0.2 + 1e-9);
        lines.add(Line.fixed(0.25, "CUDA out of memory; retrying with a smaller batch"));
        Bar retry = new Bar(total);
        retry.lines(lines, 0.25, 0.75, TICKS, total);
        return new Script(lines, retry.at(total));
      }
      case STALL_AT_99: {
        Bar bar = new Bar(total);
        bar.lines(lines, 0, 0.6, TICKS, total - 1);
        lines.add(new Line(0.6, bar.at(total - 1)));
        return new Script(lines, bar.at(total));
      }
      case TAIL_AFTER_100: {
        Bar bar = new Bar(total);
        bar.lines(lines, 0, 0.75, TICKS, total);
        lines.add(new Line(0.75, bar.at(total)));
        lines.add(Line.fixed(0.75, "Saving and uploading outputs"));
        return new Script(lines, seconds -> "Uploaded outputs");
      }
      case RATE_ONLY:
        // A counter without a total starts with processing: its elapsed time is processing's.
        for (int k = 0; k < TICKS; k++) {
          long n = total * k / TICKS;
          lines.add(new Line((double) k / TICKS, seconds -> rateOnly(n, seconds)));
        }
        return new Script(lines, seconds -> rateOnly(total, seconds));
      case NO_BAR:
        for (int k = 0; k < TICKS; k++) {
          lines.add(Line.fixed((double) k / TICKS, "denoising batch " + (k + 1) + " of " + TICKS));
        }
        return new Script(lines, seconds -> "done");
      case MANY_BARS: {
        lines.add(Line.fixed(0, Downloads.TEXT));
        Bar bar = new Bar(total);
        bar.lines(lines, 0, 1, TICKS, total);
        return new Script(lines, bar.at(total));
      }
      default: {
        Bar bar = new Bar(total);
        bar.lines(lines, 0, 1, TICKS, total);
        return new Script(lines, bar.at(total));
      }
    }
  }

  /**
   * One tqdm bar. Its clock starts when its first line is appended, as tqdm's starts when the bar
   * is created; each line prints the time since then and tqdm's remaining time from that rate.
   * Only the stub's clock thread appends lines (under the lifecycle's lock), one after another.
   */
  private static final class Bar {
    private final long total;
    private double startedAt = Double.NaN;

    Bar(long total) {
      this.total = total;
    }

    /** The line at step {@code n}, written from the seconds processing has lasted. */
    DoubleFunction<String> at(long n) {
      return seconds -> {
        if (Double.isNaN(startedAt)) {
          startedAt = seconds;
        }
        return ProgressLine.of(n, total, Math.max(0, seconds - startedAt));
      };
    }

    /**
     * Lines over {@code [from, from + length]} of the processing time at {@code ticks} even steps
     * from 0 toward {@code last} steps, without the line at {@code last} itself.
     */
    void lines(List<Line> lines, double from, double length, int ticks, long last) {
      for (int k = 0; k < ticks; k++) {
        lines.add(new Line(from + length * k / ticks, at(last * k / ticks)));
      }
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
  private static final class Downloads {
    /** Built once: finished bars print the times they took, and every prediction prints these. */
    static final String TEXT = build();

    private static String build() {
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
}
