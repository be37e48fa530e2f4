package dev.replicate4j;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the last tqdm-style progress value ({@code 45%|####    | 23/50 [...]}) from log text. */
final class TqdmProgress {
  private static final Pattern STEPS = Pattern.compile("(\\d+)/(\\d+)\\s*\\[");
  private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})%\\|");

  private TqdmProgress() {}

  static OptionalDouble lastFraction(String logs) {
    if (logs == null || logs.isEmpty()) {
      return OptionalDouble.empty();
    }
    // Progress bars redraw with carriage returns: the last segment is the current one.
    String[] segments = logs.split("[\r\n]");
    for (int i = segments.length - 1; i >= 0; i--) {
      OptionalDouble fraction = fraction(segments[i]);
      if (fraction.isPresent()) {
        return fraction;
      }
    }
    return OptionalDouble.empty();
  }

  private static OptionalDouble fraction(String line) {
    Matcher steps = STEPS.matcher(line);
    Matcher percent = PERCENT.matcher(line);
    if (!percent.find()) {
      return OptionalDouble.empty();
    }
    if (steps.find()) {
      long done = Long.parseLong(steps.group(1));
      long total = Long.parseLong(steps.group(2));
      if (total > 0 && done <= total) {
        return OptionalDouble.of((double) done / total);
      }
    }
    int value = Integer.parseInt(percent.group(1));
    return value <= 100 ? OptionalDouble.of(value / 100.0) : OptionalDouble.empty();
  }
}
