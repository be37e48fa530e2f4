package dev.replicate4j;

import dev.replicate4j.generated.model.WirePredictionRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Creates predictions and waits for them: the machinery behind {@link ReplicateClient}'s runs and
 * {@link PredictionHandle}'s waits, shared by both.
 */
final class PredictionRunner {
  /** How near the deadline a failed create counts as cut off by it (clocks differ slightly). */
  private static final Duration DEADLINE_SLACK = Duration.ofMillis(20);
  /** Time left between the end of a sync-mode wait and the run's deadline. */
  static final Duration SYNC_ANSWER_MARGIN = Duration.ofMillis(500);

  private final ApiCalls calls;
  private final RetryPolicy retries;
  private final PollingPolicy defaultPolicy;
  private final Ticker ticker;
  private final Clock clock;
  private final DoubleSupplier random;
  private final Waiter.Source source;
  private final Set<Waiter> waiting = ConcurrentHashMap.newKeySet();

  PredictionRunner(ApiCalls calls, RetryPolicy retries, PollingPolicy defaultPolicy, Ticker ticker,
      Clock clock, DoubleSupplier random) {
    this.calls = calls;
    this.retries = retries;
    this.defaultPolicy = defaultPolicy;
    this.ticker = ticker;
    this.clock = clock;
    this.random = random;
    this.source = new Waiter.Source() {
      @Override
      public CompletableFuture<Prediction> get(String id, Duration timeout) {
        return calls.pollAsync(id, timeout);
      }

      @Override
      public CompletableFuture<Prediction> cancel(String id) {
        return calls.cancelAsync(id);
      }
    };
  }

  ApiCalls calls() {
    return calls;
  }

  /**
   * Ends every wait still going with an error, before the client's scheduler and HTTP threads
   * stop: without it a wait whose next poll was dropped would never end.
   */
  void abandonWaits() {
    for (Waiter waiter : waiting) {
      waiter.abandon();
    }
  }

  PollingPolicy defaultPolicy() {
    return defaultPolicy;
  }

  <O> PredictionHandle<O> createHandle(WirePredictionRequest request, CreateOptions options,
      Function<Prediction, O> outputReader) {
    ApiCalls.Created created =
        calls.create(request, options.preferHeader(), options.cancelAfterHeader(), null);
    return handle(created, outputReader);
  }

  <O> O run(WirePredictionRequest request, CreateOptions options, PollingPolicy policy,
      Function<Prediction, O> outputReader) {
    Instant deadlineAt = clock.instant().plus(policy.deadline());
    CreateOptions sent = runOptions(options, policy);
    ApiCalls.Created created;
    try {
      // The deadline bounds the create too, sync mode or not.
      created = calls.create(request, sent.preferHeader(), sent.cancelAfterHeader(),
          Duration.between(clock.instant(), deadlineAt));
    } catch (ReplicateException e) {
      throw cutByDeadline(e, policy, deadlineAt);
    }
    PredictionHandle<O> handle = handle(created, outputReader);
    Waiter waiter = newWaiter(handle, p -> p.status().isTerminal(), policy, deadlineAt);
    return handle.outputOf(PredictionHandle.join(waiter.start(handle.latest(), false), waiter));
  }

  <O> CompletableFuture<O> runAsync(WirePredictionRequest request, CreateOptions options,
      PollingPolicy policy, Function<Prediction, O> outputReader) {
    Instant deadlineAt = clock.instant().plus(policy.deadline());
    CreateOptions sent = runOptions(options, policy);
    CompletableFuture<O> result = new CompletableFuture<>();
    CompletableFuture<ApiCalls.Created> created = calls.createAsync(request,
        sent.preferHeader(), sent.cancelAfterHeader(),
        Duration.between(clock.instant(), deadlineAt));
    created.whenComplete((answer, error) -> {
      if (error != null) {
        Throwable cause = Waiter.unwrap(error);
        result.completeExceptionally(cause instanceof ReplicateException
            ? cutByDeadline((ReplicateException) cause, policy, deadlineAt) : cause);
        return;
      }
      PredictionHandle<O> handle = handle(answer, outputReader);
      CompletableFuture<Prediction> terminal = newWaiter(handle, q -> q.status().isTerminal(),
          policy, deadlineAt).start(answer.prediction(), true);
      result.whenComplete((o, t) -> {
        if (result.isCancelled()) {
          terminal.cancel(false);
        }
      });
      terminal.whenComplete((q, waitError) -> {
        if (waitError != null) {
          result.completeExceptionally(Waiter.unwrap(waitError));
          return;
        }
        try {
          result.complete(handle.outputOf(q));
        } catch (RuntimeException e) {
          result.completeExceptionally(e);
        }
      });
    });
    result.whenComplete((o, t) -> {
      if (result.isCancelled()) {
        created.cancel(false);
      }
    });
    return result;
  }

  Waiter newWaiter(PredictionHandle<?> handle, Predicate<Prediction> done, PollingPolicy policy) {
    return newWaiter(handle, done, policy, clock.instant().plus(policy.deadline()));
  }

  private Waiter newWaiter(PredictionHandle<?> handle, Predicate<Prediction> done,
      PollingPolicy policy, Instant deadlineAt) {
    Waiter waiter = new Waiter(handle.id(), done, policy, deadlineAt, source, retries, ticker, clock,
        random, handle::seen, new BarEndWindow(handle.createSentAt()));
    waiting.add(waiter);
    waiter.onEnd(() -> waiting.remove(waiter));
    return waiter;
  }

  private <O> PredictionHandle<O> handle(ApiCalls.Created created,
      Function<Prediction, O> reader) {
    Prediction prediction = created.prediction();
    PredictionHandle<O> handle =
        new PredictionHandle<>(prediction.id(), created.sentAt(), this, reader);
    handle.seen(prediction);
    return handle;
  }

  /**
   * A create's failure, or the deadline's if the deadline cut the create off: an error answer is
   * the server's, anything else that came at the deadline was the deadline's doing.
   */
  private ReplicateException cutByDeadline(ReplicateException failure, PollingPolicy policy,
      Instant deadlineAt) {
    if (failure instanceof ApiException
        || clock.instant().plus(DEADLINE_SLACK).isBefore(deadlineAt)) {
      return failure;
    }
    return new PredictionTimeoutException(policy.deadline(), failure);
  }

  /** The options a run sends: as given, with the sync-mode wait fitted to the deadline. */
  static CreateOptions runOptions(CreateOptions options, PollingPolicy policy) {
    return options.toBuilder().preferWaitSeconds(syncWaitSeconds(options, policy)).build();
  }

  /**
   * The server may hold a sync-mode create for its whole wait, so the wait must end before the
   * run's deadline (which cuts the create off, leaving no id to cancel): capped to the whole
   * seconds of the deadline less {@link #SYNC_ANSWER_MARGIN}, for the answer to arrive, and left
   * out where that is under a second.
   */
  static Integer syncWaitSeconds(CreateOptions options, PollingPolicy policy) {
    Integer wanted = options.preferWaitSeconds().orElse(null);
    long fits = policy.deadline().minus(SYNC_ANSWER_MARGIN).getSeconds();
    if (wanted == null || fits < 1) {
      return null;
    }
    return (int) Math.min(wanted, fits);
  }
}
