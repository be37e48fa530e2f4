package dev.replicate4j;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries failed attempts by the rules of {@link RetryPolicy}. A create (POST) is retried only when
 * it surely did not reach the server (a 429, or an I/O failure before the request was written) and
 * is then re-sent with the identical body. GETs and cancels are retried on 408, 429, 5xx and I/O
 * errors.
 */
final class RetryInterceptor implements Interceptor {
  private static final Logger log = LoggerFactory.getLogger(RetryInterceptor.class);
  private static final long PEEK_LIMIT = 64 * 1024;

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final DoubleSupplier random;

  RetryInterceptor(RetryPolicy policy, Sleeper sleeper, Clock clock, DoubleSupplier random) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.clock = clock;
    this.random = random;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    // Only a create must not be repeated; a cancel is a POST too, but cancelling twice is harmless.
    boolean safeToRepeat = !"POST".equals(request.method()) || isCancel(request);
    for (int attempt = 1; ; attempt++) {
      SendTracker tracker = new SendTracker();
      Request tracked = request.newBuilder().tag(SendTracker.class, tracker).build();
      Response response;
      try {
        response = chain.proceed(tracked);
      } catch (IOException e) {
        boolean retriable = (safeToRepeat || !tracker.reachedNetwork()) && !chain.call().isCanceled();
        if (!retriable || attempt >= policy.maxAttempts()) {
          throw e;
        }
        pause(request, attempt, policy.jittered(policy.backoff(attempt), random.getAsDouble()),
            e.toString());
        continue;
      }
      int code = response.code();
      boolean retriable = code == 429 || (safeToRepeat && (code == 408 || code >= 500));
      if (!retriable || attempt >= policy.maxAttempts()) {
        return response;
      }
      int retry = attempt;
      Duration delay = serverDelay(response)
          .map(d -> d.compareTo(policy.maxRetryAfter()) > 0 ? policy.maxRetryAfter() : d)
          .orElseGet(() -> policy.jittered(policy.backoff(retry), random.getAsDouble()));
      response.close();
      pause(request, attempt, delay, "HTTP " + code);
    }
  }

  private static boolean isCancel(Request request) {
    return request.url().encodedPath().endsWith("/cancel");
  }

  private Optional<Duration> serverDelay(Response response) throws IOException {
    Map<String, Object> body = null;
    String contentType = response.header("Content-Type", "");
    if (contentType.contains("json")) {
      try {
        body = JsonCodec.MAP.fromJson(response.peekBody(PEEK_LIMIT).string());
      } catch (IOException | RuntimeException e) {
        log.debug("Could not read retry_after from the error body: {}", e.toString());
      }
    }
    return RetryAfter.parse(response.header("Retry-After"), body, clock);
  }

  private void pause(Request request, int attempt, Duration delay, String why) throws IOException {
    log.debug("{} {} failed ({}); retry {}/{} in {} ms", request.method(),
        request.url().encodedPath(), why, attempt, policy.maxAttempts() - 1, delay.toMillis());
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted =
          new InterruptedIOException("Interrupted while waiting to retry");
      interrupted.initCause(e);
      throw interrupted;
    }
  }
}
