package dev.replicate4j;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the last tqdm-style progress line ({@code 45%|####    | 23/50 [00:01<00:01, 20.1it/s]}) of
 * a model's logs: how far it is, and how long tqdm expects the rest to take.
 */
final class TqdmProgress {
  private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})%\\|");
  private static final Pattern STEPS = Pattern.compile("(\\d+)/(\\d+)\\s*\\[");
  private static final Pattern TIMES = Pattern.compile(
      "\\[([\\d:]+)<([\\d:]+|\\?)(?:,\\s*([\\d.]+)\\s*(it/s|s/it))?");

  private TqdmProgress() {}

  static OptionalDouble lastFraction(String logs) {
    String line = lastLine(logs);
    if (line == null) {
      return OptionalDouble.empty();
    }
    Matcher steps = STEPS.matcher(line);
    if (steps.find()) {
      long done = Long.parseLong(steps.group(1));
      long total = Long.parseLong(steps.group(2));
      if (total > 0 && done <= total) {
        return OptionalDouble.of((double) done / total);
      }
    }
    Matcher percent = PERCENT.matcher(line);
    percent.find();
    int value = Integer.parseInt(percent.group(1));
    return value <= 100 ? OptionalDouble.of(value / 100.0) : OptionalDouble.empty();
  }

  /**
   * The last progress bar of the logs, when it tells how long the rest takes: from its rate and
   * remaining steps when both are there (finer than tqdm's whole seconds), else from its
   * {@code <MM:SS} field.
   */
  static Optional<Bar> lastBar(String logs) {
    return lastReading(logs).filter(r -> r.elapsed() != null && r.remaining() != null)
        .map(r -> new Bar(r.line(), r.elapsed(), r.remaining()));
  }

  /**
   * The last progress bar of the logs, whatever it tells: how far it is always, its total and
   * times when it prints them. Times come from the rate and the steps when both are there (finer
   * than tqdm's whole seconds), else from the {@code [MM:SS<MM:SS} field.
   */
  static Optional<Reading> lastReading(String logs) {
    String line = lastLine(logs);
    if (line == null) {
      return Optional.empty();
    }
    long done = -1;
    long total = 0;
    double fraction;
    Matcher steps = STEPS.matcher(line);
    if (steps.find() && Long.parseLong(steps.group(2)) > 0
        && Long.parseLong(steps.group(1)) <= Long.parseLong(steps.group(2))) {
      done = Long.parseLong(steps.group(1));
      total = Long.parseLong(steps.group(2));
      fraction = (double) done / total;
    } else {
      Matcher percent = PERCENT.matcher(line);
      percent.find();
      int value = Integer.parseInt(percent.group(1));
      if (value > 100) {
        return Optional.empty();
      }
      fraction = value / 100.0;
    }
    Duration elapsed = null;
    Duration remaining = null;
    Matcher times = TIMES.matcher(line);
    if (times.find()) {
      double rate = times.group(3) == null ? 0 : Double.parseDouble(times.group(3));
      if (rate > 0 && done >= 0) {
        double secondsPerStep = "it/s".equals(times.group(4)) ? 1 / rate : rate;
        elapsed = seconds(done * secondsPerStep);
        remaining = seconds((total - done) * secondsPerStep);
      } else {
        elapsed = Duration.ofSeconds(clockSeconds(times.group(1)));
        remaining = "?".equals(times.group(2)) ? null
            : Duration.ofSeconds(clockSeconds(times.group(2)));
      }
    }
    return Optional.of(new Reading(line, fraction, total, elapsed, remaining));
  }

  /**
   * One progress line.
   *
   * @param line the line as printed; a new line means the bar moved
   * @param elapsed from the bar's start to this line; never more than the truth (tqdm truncates)
   * @param remaining from this line to the bar's end, as the bar expects
   */
  record Bar(String line, Duration elapsed, Duration remaining) {}

  /**
   * One progress line, read as far as it goes.
   *
   * @param line the line as printed; a new line means the bar moved
   * @param fraction done, 0 to 1: steps over total when both are there, else the percentage
   * @param total the bar's steps in all, or 0 when it prints none
   * @param elapsed the bar's own time so far, or null when it prints none
   * @param remaining what the bar expects the rest to take, or null when it does not say
   */
  record Reading(String line, double fraction, long total, Duration elapsed, Duration remaining) {}

  private static Duration seconds(double seconds) {
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  /** {@code MM:SS} or {@code H:MM:SS} as seconds. */
  private static long clockSeconds(String clock) {
    long seconds = 0;
    for (String part : clock.split(":")) {
      seconds = seconds * 60 + Long.parseLong(part);
    }
    return seconds;
  }

  /**
   * The last line or carriage-return segment holding a progress bar: bars redraw in place. Searched
   * from the end without splitting the logs, which can run to megabytes and are read on every poll.
   */
  private static String lastLine(String logs) {
    if (logs == null || logs.isEmpty()) {
      return null;
    }
    for (int at = logs.lastIndexOf("%|"); at > 0; at = logs.lastIndexOf("%|", at - 1)) {
      char before = logs.charAt(at - 1);
      if (before >= '0' && before <= '9') {
        return logs.substring(segmentStart(logs, at), segmentEnd(logs, at));
      }
    }
    return null;
  }

  private static int segmentStart(String logs, int at) {
    int i = at;
    while (i > 0 && !isBreak(logs.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  private static int segmentEnd(String logs, int at) {
    int i = at;
    while (i < logs.length() && !isBreak(logs.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isBreak(char c) {
    return c == '\n' || c == '\r';
  }
}
