package dev.replicate4j.stub;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the two headers that change how a create behaves: {@code Prefer} and {@code Cancel-After}. */
final class RequestHeaders {
  private static final Pattern WAIT = Pattern.compile("wait(?:=([1-9][0-9]?))?");
  private static final Pattern DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");
  /** Bare seconds, which the official spec allows ({@code 30} is {@code 30s}). */
  private static final Pattern SECONDS = Pattern.compile("\\d+");
  static final long DEFAULT_WAIT_SECONDS = 60;

  private RequestHeaders() {}

  /**
   * Seconds to hold the response, from {@code Prefer: wait} (60) or {@code wait=N}. N follows
   * Replicate's published pattern, 1 to 99; the documented range is 1 to 60, so a longer wait is
   * held for 60 seconds.
   *
   * @return the seconds, or -1 when the header is absent
   */
  static long waitSeconds(String prefer) {
    if (prefer == null) {
      return -1;
    }
    Matcher m = WAIT.matcher(prefer.trim());
    if (!m.matches()) {
      throw Problem.badRequest("Invalid Prefer header '" + prefer
          + "': expected 'wait' or 'wait=N' with N from 1 to 99 (waits are held at most 60 s)");
    }
    return m.group(1) == null ? DEFAULT_WAIT_SECONDS
        : Math.min(Long.parseLong(m.group(1)), DEFAULT_WAIT_SECONDS);
  }

  /**
   * The {@code Cancel-After} deadline, such as {@code 30s}, {@code 5m}, {@code 1h2m3s} or bare
   * seconds, {@code 30}.
   *
   * @return the duration, or null when the header is absent
   */
  static Duration cancelAfter(String value, Duration minimum) {
    if (value == null) {
      return null;
    }
    String text = value.trim();
    Matcher m = DURATION.matcher(text);
    boolean bare = SECONDS.matcher(text).matches();
    if (text.isEmpty() || !bare && !m.matches() || text.length() > 18) {
      throw Problem.badRequest("Invalid Cancel-After header '" + value
          + "': expected a duration such as 30, 30s, 5m or 1h2m3s");
    }
    Duration d = bare ? Duration.ofSeconds(Long.parseLong(text))
        : Duration.ofHours(part(m, 1)).plusMinutes(part(m, 2)).plusSeconds(part(m, 3));
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
