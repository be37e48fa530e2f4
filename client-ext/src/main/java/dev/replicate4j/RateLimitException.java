package dev.replicate4j;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** 429: too many requests, after the client's own retries ran out. */
public class RateLimitException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param message what failed
   * @param statusCode the HTTP status (429)
   * @param problem the parsed body
   * @param headers the response headers
   * @param retryAfter how long the server asked to wait, or null if it did not say
   */
  public RateLimitException(String message, int statusCode, ProblemDetails problem,
      Map<String, List<String>> headers, Duration retryAfter) {
    super(message, statusCode, problem, headers);
    this.retryAfter = retryAfter;
  }

  /**
   * How long the server asked to wait, from {@code Retry-After} or the body's {@code retry_after}.
   *
   * @return the delay, or empty
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
