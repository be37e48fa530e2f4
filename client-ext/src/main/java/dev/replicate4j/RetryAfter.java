package dev.replicate4j;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Reads how long a server asked the client to wait: the {@code Retry-After} header (delay-seconds or
 * an HTTP date) first, then a {@code retry_after} member of a JSON body.
 */
final class RetryAfter {
  private RetryAfter() {}

  static Optional<Duration> parse(String header, Map<String, Object> body, Clock clock) {
    Optional<Duration> fromHeader = fromHeader(header, clock);
    if (fromHeader.isPresent()) {
      return fromHeader;
    }
    Object value = body == null ? null : body.get("retry_after");
    if (value instanceof Number) {
      return seconds(((Number) value).doubleValue());
    }
    if (value instanceof String) {
      return fromSeconds((String) value);
    }
    return Optional.empty();
  }

  /**
   * The delay an error answer asked for, before any cap: a 429's (header or body), or any other
   * status's {@code Retry-After} header.
   */
  static Optional<Duration> askedBy(ApiException error, Clock clock) {
    if (error instanceof RateLimitException) {
      Optional<Duration> d = ((RateLimitException) error).retryAfter();
      if (d.isPresent()) {
        return d;
      }
    }
    return fromHeader(error.header("Retry-After").orElse(null), clock);
  }

  static Optional<Duration> fromHeader(String header, Clock clock) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    Optional<Duration> seconds = fromSeconds(header);
    if (seconds.isPresent()) {
      return seconds;
    }
    try {
      Instant when = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
          .toInstant();
      Duration delay = Duration.between(clock.instant(), when);
      return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> fromSeconds(String text) {
    try {
      return seconds(Double.parseDouble(text.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> seconds(double seconds) {
    if (Double.isNaN(seconds) || seconds < 0 || Double.isInfinite(seconds)) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
  }
}
