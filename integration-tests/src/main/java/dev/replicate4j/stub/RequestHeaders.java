package dev.replicate4j.stub;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the two headers that change how a create behaves: {@code Prefer} and {@code Cancel-After}. */
final class RequestHeaders {
  private static final Pattern WAIT = Pattern.compile("wait(?:=([1-9][0-9]?))?");
  private static final Pattern DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");
  static final long DEFAULT_WAIT_SECONDS = 60;

  private RequestHeaders() {}

  /**
   * Seconds to hold the response, from {@code Prefer: wait} (60) or {@code wait=N} (1..60).
   *
   * @return the seconds, or -1 when the header is absent
   */
  static long waitSeconds(String prefer) {
    if (prefer == null) {
      return -1;
    }
    Matcher m = WAIT.matcher(prefer.trim());
    // Replicate's published pattern also lets 61..99 through; its documented range is 1..60.
    if (!m.matches() || (m.group(1) != null && Long.parseLong(m.group(1)) > 60)) {
      throw Problem.badRequest("Invalid Prefer header '" + prefer
          + "': expected 'wait' or 'wait=N' with N from 1 to 60");
    }
    return m.group(1) == null ? DEFAULT_WAIT_SECONDS : Long.parseLong(m.group(1));
  }

  /**
   * The {@code Cancel-After} deadline, such as {@code 30s}, {@code 5m} or {@code 1h2m3s}.
   *
   * @return the duration, or null when the header is absent
   */
  static Duration cancelAfter(String value, Duration minimum) {
    if (value == null) {
      return null;
    }
    Matcher m = DURATION.matcher(value.trim());
    if (value.isBlank() || !m.matches()) {
      throw Problem.badRequest("Invalid Cancel-After header '" + value
          + "': expected a duration such as 30s, 5m or 1h2m3s");
    }
    Duration d = Duration.ofHours(part(m, 1)).plusMinutes(part(m, 2)).plusSeconds(part(m, 3));
    if (d.compareTo(minimum) < 0) {
      throw Problem.badRequest("Invalid Cancel-After header '" + value + "': the minimum is "
          + minimum.toSeconds() + "s");
    }
    return d;
  }

  private static long part(Matcher m, int group) {
    return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
  }
}
