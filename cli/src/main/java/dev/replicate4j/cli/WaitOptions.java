package dev.replicate4j.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The options of {@code run} and {@code wait} about waiting and what to do with the result. */
final class WaitOptions {
  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Stop waiting after this long (90s, 5m, 1h, 500ms; default: the client's "
          + "deadline). The prediction keeps running; exit code 4.")
  Duration timeout;

  @Option(names = "--json", description = "Print the prediction as JSON on stdout.")
  boolean json;

  @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR",
      description = "Where to save output files (default: outputs/<prediction id>).")
  Path outputDir;

  @Option(names = "--cancel-on-interrupt",
      description = "On Ctrl-C, cancel the prediction too (default: only stop waiting).")
  boolean cancelOnInterrupt;

  /** {@code 90s}, {@code 5m}, {@code 1h}, {@code 500ms}, a number of seconds, or ISO-8601. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h)?");

    @Override
    public Duration convert(String value) {
      Matcher m = SHORT.matcher(value.trim().toLowerCase(Locale.ROOT));
      Duration duration;
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        duration = unit.equals("ms") ? Duration.ofMillis(n) : unit.equals("s") ? Duration.ofSeconds(n)
            : unit.equals("m") ? Duration.ofMinutes(n) : Duration.ofHours(n);
      } else {
        try {
          duration = Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
          throw new TypeConversionException("'" + value + "' is not a duration such as 90s, 5m, "
              + "1h or 500ms");
        }
      }
      if (duration.isZero() || duration.isNegative()) {
        throw new TypeConversionException("'" + value + "' must be longer than zero");
      }
      return duration;
    }
  }
}
