package dev.replicate4j;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries failed attempts of synchronous calls by the rules of {@link RetryPolicy}, sleeping on the
 * caller's thread. A create (POST) is retried only when it surely did not reach the server (a 429,
 * or a {@link NotSentException}) and is then re-sent with the identical body. GETs and cancels are
 * retried on 408, 429, 5xx and I/O errors, a body cut short included.
 *
 * <p>The call's timeout bounds the retries: a delay that would end past it is not slept; the last
 * answer (a 429 included, so it surfaces as a {@code RateLimitException}) or failure is returned
 * instead. Asynchronous calls never come through here: {@link ApiCalls} schedules their retries.
 */
final class RetryInterceptor implements Interceptor {
  private static final Logger log = LoggerFactory.getLogger(RetryInterceptor.class);
  private static final long PEEK_LIMIT = 64 * 1024;
  /** Time left for the attempt after a retry's sleep, at the least. */
  private static final long SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final DoubleSupplier random;
  private final CallDeadlines deadlines;

  /** @param deadlines where a call's time left is found, by its request */
  RetryInterceptor(RetryPolicy policy, Sleeper sleeper, Clock clock, DoubleSupplier random,
      CallDeadlines deadlines) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.clock = clock;
    this.random = random;
    this.deadlines = deadlines;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    // Only a create must not be repeated; a cancel is a POST too, but cancelling twice is harmless.
    boolean repeatable = !"POST".equals(request.method()) || isCancel(request);
    for (int attempt = 1; ; attempt++) {
      Response response;
      try {
        response = chain.proceed(request);
        if (repeatable) {
          response = readWhole(response);
        }
      } catch (IOException e) {
        boolean unsent = e instanceof NotSentException;
        boolean retriable = (repeatable || unsent) && !chain.call().isCanceled();
        if (!retriable || attempt >= policy.maxAttempts()) {
          throw e;
        }
        Duration delay = unsent && ((NotSentException) e).staleConnection() ? Duration.ZERO
            : policy.jittered(policy.backoff(attempt), random.getAsDouble());
        if (!fits(delay, request)) {
          throw e;
        }
        pause(request, attempt, delay, NotSentException.unwrap(e).toString());
        continue;
      }
      int code = response.code();
      if (!RetryPolicy.retriesStatus(code, repeatable) || attempt >= policy.maxAttempts()) {
        return response;
      }
      int retry = attempt;
      Duration delay = serverDelay(response, chain.call()).map(policy::capped)
          .orElseGet(() -> policy.jittered(policy.backoff(retry), random.getAsDouble()));
      if (!fits(delay, request)) {
        log.debug("{} {} got HTTP {}; a retry in {} ms would outlive the call's timeout",
            request.method(), request.url().encodedPath(), code, delay.toMillis());
        return response;
      }
      response.close();
      pause(request, attempt, delay, "HTTP " + code);
    }
  }

  /**
   * A successful answer read to its end here, so that a body cut short (a reset, a close before
   * the declared length, a chunked body without its last chunk) is an I/O failure this loop
   * retries, not one the caller meets after the retries are over.
   */
  private static Response readWhole(Response response) throws IOException {
    if (!response.isSuccessful()) {
      return response;
    }
    try {
      // Into the body's own buffer, not copied out: the converter then reads it from there.
      response.body().source().request(Long.MAX_VALUE);
      return response;
    } catch (IOException e) {
      response.close();
      throw e;
    }
  }

  /** Whether sleeping {@code delay} leaves the next attempt time within the call's timeout. */
  private boolean fits(Duration delay, Request request) {
    long left = deadlines.remainingNanos(request);
    return left == Long.MAX_VALUE || delay.toNanos() + SLACK_NANOS < left;
  }

  private static boolean isCancel(Request request) {
    return request.url().encodedPath().endsWith("/cancel");
  }

  private Optional<Duration> serverDelay(Response response, okhttp3.Call call) throws IOException {
    Map<String, Object> body = null;
    String contentType = response.header("Content-Type", "");
    if (contentType.contains("json")) {
      try {
        body = JsonCodec.MAP.fromJson(response.peekBody(PEEK_LIMIT).string());
      } catch (IOException | RuntimeException e) {
        if (e instanceof IOException && call.isCanceled()) {
          // Not an unreadable body to retry past: the call is over (the body refused as too
          // large, or its deadline passed), and this says why.
          response.close();
          throw (IOException) e;
        }
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
