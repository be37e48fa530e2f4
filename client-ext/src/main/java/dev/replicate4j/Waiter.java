package dev.replicate4j;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one prediction until a condition holds or the deadline passes, without holding a thread
 * between polls: each poll is an asynchronous request and each delay a scheduled task.
 *
 * <p>Transient poll failures (5xx, 429, network) are waited out until the deadline, with the
 * server's Retry-After (capped by {@link RetryPolicy#maxRetryAfter()}) as the next delay when it
 * gives one longer than the schedule's; a 404 ends the wait at once.
 *
 * <p>The deadline bounds the poll in flight too: each poll may take only the time left, so a
 * server that stalls mid-answer cannot hold the wait past it. A remote cancel at the deadline is
 * given {@link #CANCEL_GRACE} to answer before the wait ends without its confirmation.
 */
final class Waiter {
  private static final Logger log = LoggerFactory.getLogger(Waiter.class);
  /** Polling a little after the expected end beats polling just before it and again after. */
  private static final Duration PROGRESS_MARGIN = Duration.ofMillis(50);
  /** In a tail, each poll's delay grows by the tail's length so far divided by this. */
  private static final int TAIL_GROWTH = 10;
  /** How long the end of a wait waits for the remote cancel the deadline sent. */
  static final Duration CANCEL_GRACE = Duration.ofMillis(150);

  /** Where polls and cancels go: the API in production, a script in tests. */
  interface Source {
    /**
     * One poll.
     *
     * @param timeout the longest it may take
     */
    CompletableFuture<Prediction> get(String id, Duration timeout);

    CompletableFuture<Prediction> cancel(String id);
  }

  /**
   * What every wait of one client shares.
   *
   * @param source where polls and cancels go
   * @param retries whose cap bounds a server's Retry-After
   * @param ticker schedules the polls
   * @param clock dates the deadline and the logs' lines
   * @param random the jitter
   */
  record Shared(Source source, RetryPolicy retries, Ticker ticker, Clock clock,
      DoubleSupplier random) {}

  private final String id;
  private final Predicate<Prediction> done;
  private final PollingPolicy policy;
  private final Instant deadlineAt;
  private final Source source;
  private final RetryPolicy retries;
  private final Ticker ticker;
  private final Clock clock;
  private final DoubleSupplier random;
  private final Consumer<Prediction> onSeen;
  private final EndEstimator estimate;
  private final CompletableFuture<Prediction> result = new CompletableFuture<>();

  private int step;
  private volatile Prediction last;
  private volatile Future<?> scheduled;
  private volatile CompletableFuture<Prediction> inFlight;
  private volatile boolean stopped;

  /**
   * @param done when the wait ends (besides the deadline)
   * @param onSeen told of every state the wait sees
   * @param barEnd how the logs' progress lines are dated
   */
  Waiter(Shared shared, String id, Predicate<Prediction> done, PollingPolicy policy,
      Instant deadlineAt, Consumer<Prediction> onSeen, BarEndWindow barEnd) {
    this.id = id;
    this.done = done;
    this.policy = policy;
    this.deadlineAt = deadlineAt;
    this.source = shared.source();
    this.retries = shared.retries();
    this.ticker = shared.ticker();
    this.clock = shared.clock();
    this.random = shared.random();
    this.onSeen = onSeen;
    this.estimate = new EndEstimator(barEnd);
  }

  /**
   * Starts waiting. Cancelling the returned future stops polling and, if {@code cancelRemoteOnAbandon},
   * also cancels the remote prediction.
   */
  CompletableFuture<Prediction> start(Prediction initial, boolean cancelRemoteOnAbandon) {
    Futures.onCancel(result, () -> {
      stop();
      if (cancelRemoteOnAbandon) {
        log.debug("prediction {}: wait abandoned, canceling it remotely", id);
        source.cancel(id).whenComplete((c, e) -> {
          if (e != null) {
            log.warn("prediction {}: remote cancel after the wait was abandoned failed: {}", id,
                unwrap(e).toString());
          }
        });
      }
    });
    guarded(() -> {
      if (initial == null || !accept(initial)) {
        scheduleNext(null);
      }
    });
    return result;
  }

  /** Runs when the wait ends, however it ends. */
  void onEnd(Runnable action) {
    result.whenComplete((p, t) -> action.run());
  }

  /**
   * Ends the wait with an error because its client is closing; the remote prediction is left
   * alone.
   */
  void abandon() {
    if (result.completeExceptionally(new ReplicateException("The client was closed while waiting"
        + " for prediction " + id + "; it may still be running on the server"))) {
      stop();
    }
  }

  /**
   * Runs one step of the wait. Steps run in callbacks, where an exception (a listener's, a
   * condition's, a field that cannot be read, a scheduler that was shut down) would be lost and the
   * wait left hanging; here it ends the wait instead.
   */
  private void guarded(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException | Error e) {
      result.completeExceptionally(e);
    }
  }

  /** Stops polling without touching the remote prediction. */
  void stop() {
    stopped = true;
    Future<?> timer = scheduled;
    if (timer != null) {
      timer.cancel(false);
    }
    CompletableFuture<Prediction> call = inFlight;
    if (call != null) {
      call.cancel(true);
    }
  }

  private boolean accept(Prediction p) {
    last = p;
    estimate.observe(p, clock.instant());
    onSeen.accept(p);
    if (done.test(p)) {
      result.complete(p);
      return true;
    }
    return false;
  }

  private void scheduleNext(Duration serverDelay) {
    if (result.isDone() || stopped) {
      return;
    }
    Instant now = clock.instant();
    if (!now.isBefore(deadlineAt)) {
      onDeadline();
      return;
    }
    // A server's delay may put the poll off, never bring it forward: "Retry-After: 0" on every
    // answer would otherwise make the polls back-to-back until the deadline.
    Duration onSchedule = nextDelay();
    Duration delay = serverDelay != null && serverDelay.compareTo(onSchedule) > 0 ? serverDelay
        : onSchedule;
    Duration left = Duration.between(now, deadlineAt);
    if (delay.compareTo(left) > 0) {
      delay = left;
    }
    log.debug("prediction {}: status {}, next poll in {} ms", id,
        last == null ? "not seen yet" : last.shownStatus(), delay.toMillis());
    scheduled = ticker.schedule(() -> guarded(this::poll), delay);
  }

  /**
   * The growing schedule, moved by what the logs' progress bar shows (see {@link EndEstimator}):
   * an end both the bar's printed time and its observed rate agree on replaces the scheduled poll,
   * capped, or brings it forward, and the schedule then starts again from its first step; any
   * sooner end brings the poll
   * forward, but never closer than the schedule's first delay, so a bar whose end keeps slipping
   * cannot make polls more frequent than that. In a tail (the bar done, the prediction not), polls
   * come at the first delay, growing by a tenth of the time the tail has lasted.
   */
  private Duration nextDelay() {
    Duration onSchedule = policy.jittered(policy.delayBefore(step), random.getAsDouble());
    if (policy.maxProgressDelay().isZero()) {
      step++;
      return onSchedule;
    }
    Instant now = clock.instant();
    EndEstimator.Plan plan = estimate.plan(now);
    switch (plan.kind()) {
      case TAIL:
        Duration since = Duration.between(plan.at(), now);
        Duration tail = policy.initialDelay()
            .plus(since.isNegative() ? Duration.ZERO : since.dividedBy(TAIL_GROWTH));
        return policy.jittered(tail.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : tail,
            random.getAsDouble());
      case TRUSTED:
      case SOONER:
        Duration untilDone = Duration.between(now, plan.at()).plus(PROGRESS_MARGIN);
        // After an agreed end comes a new phase (done, a tail, another bar): the schedule restarts.
        step = plan.kind() == EndEstimator.Kind.TRUSTED ? 0 : step + 1;
        if (untilDone.compareTo(onSchedule) > 0) {
          if (plan.kind() == EndEstimator.Kind.SOONER) {
            return onSchedule;
          }
          return untilDone.compareTo(policy.maxProgressDelay()) > 0 ? policy.maxProgressDelay()
              : untilDone;
        }
        Duration floor = policy.initialDelay();
        Duration sooner = untilDone.compareTo(floor) < 0 ? floor : untilDone;
        return sooner.compareTo(onSchedule) < 0 ? sooner : onSchedule;
      default:
        step++;
        return onSchedule;
    }
  }

  private void poll() {
    if (result.isDone() || stopped) {
      return;
    }
    Duration left = Duration.between(clock.instant(), deadlineAt);
    CompletableFuture<Prediction> call = source.get(id, left);
    inFlight = call;
    call.whenComplete((p, error) -> guarded(() -> {
      if (result.isDone() || stopped) {
        return;
      }
      if (error != null) {
        onPollFailure(unwrap(error));
      } else if (!accept(p)) {
        scheduleNext(null);
      }
    }));
  }

  private void onPollFailure(Throwable error) {
    if (error instanceof NotFoundException) {
      NotFoundException e = (NotFoundException) error;
      result.completeExceptionally(new NotFoundException("Prediction " + id
          + " was not found while waiting for it (wrong id, or another server?): "
          + e.getMessage(), e.statusCode(), e.problem(), e.headers()));
    } else if (error instanceof RateLimitException || error instanceof ServerException
        || error instanceof ConnectionException) {
      Duration serverDelay = serverDelay(error).orElse(null);
      log.debug("prediction {}: poll failed ({}), polling on", id, error.getMessage());
      scheduleNext(serverDelay);
    } else {
      result.completeExceptionally(error);
    }
  }

  private Optional<Duration> serverDelay(Throwable error) {
    if (error instanceof ApiException) {
      return RetryAfter.askedBy((ApiException) error, clock).map(retries::capped);
    }
    return Optional.empty();
  }

  private void onDeadline() {
    Duration deadline = policy.deadline();
    if (!policy.cancelOnDeadline()) {
      result.completeExceptionally(new PredictionTimeoutException(id, last, deadline, false));
      return;
    }
    log.debug("prediction {}: deadline passed, canceling it remotely", id);
    CompletableFuture<Prediction> cancel = source.cancel(id);
    if (!cancel.isDone()) {
      // A server that does not answer must not hold the wait past the deadline's margin: the
      // cancel goes on, and the wait ends without its confirmation.
      ticker.schedule(() -> result.completeExceptionally(
          new PredictionTimeoutException(id, last, deadline, false)), CANCEL_GRACE);
    }
    cancel.whenComplete((canceled, error) -> {
      if (error != null) {
        PredictionTimeoutException timeout =
            new PredictionTimeoutException(id, last, deadline, false);
        timeout.addSuppressed(unwrap(error));
        result.completeExceptionally(timeout);
      } else {
        PredictionTimeoutException timeout =
            new PredictionTimeoutException(id, canceled, deadline, true);
        try {
          onSeen.accept(canceled);
        } catch (RuntimeException e) {
          timeout.addSuppressed(e);
        }
        result.completeExceptionally(timeout);
      }
    });
  }

  static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }
}
