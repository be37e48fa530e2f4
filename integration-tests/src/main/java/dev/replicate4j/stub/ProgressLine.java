package dev.replicate4j.stub;

import java.util.Locale;

/** Progress lines in tqdm's default format, as models write them into their logs. */
public final class ProgressLine {
  private static final int WIDTH = 10;
  /** tqdm's Unicode bar: empty, seven partial blocks, full. */
  private static final String BLOCKS = " \u258f\u258e\u258d\u258c\u258b\u258a\u2589\u2588";

  private ProgressLine() {}

  /**
   * One line, for example {@code " 46%|████▌     | 23/50 [00:01<00:01, 20.10it/s]"}.
   *
   * @param n steps done
   * @param total steps in all
   * @param elapsedSeconds time since the bar started; the rate is {@code n / elapsedSeconds}
   * @return the line, without a line break
   */
  public static String of(long n, long total, double elapsedSeconds) {
    double fraction = total == 0 ? 1 : (double) n / total;
    int eighths = (int) (fraction * WIDTH * 8);
    int full = Math.min(WIDTH, eighths / 8);
    StringBuilder bar = new StringBuilder();
    bar.append(String.valueOf(BLOCKS.charAt(8)).repeat(full));
    if (full < WIDTH) {
      bar.append(BLOCKS.charAt(eighths % 8));
      bar.append(" ".repeat(WIDTH - full - 1));
    }
    double rate = elapsedSeconds > 0 ? n / elapsedSeconds : 0;
    String remaining = rate > 0 ? clock((total - n) / rate) : "?";
    String rateText = rate > 0 ? String.format(Locale.ROOT, "%5.2f", rate) : "?";
    return String.format(Locale.ROOT, "%3.0f%%|%s| %d/%d [%s<%s, %sit/s]",
        fraction * 100, bar, n, total, clock(elapsedSeconds), remaining, rateText);
  }

  private static String clock(double seconds) {
    long s = (long) seconds; // tqdm truncates
    return String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
  }
}
