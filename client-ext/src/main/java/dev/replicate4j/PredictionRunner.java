package dev.replicate4j;

import dev.replicate4j.generated.model.WirePredictionRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Creates predictions and hands them to {@link PredictionHandle}s, which wait through
 * {@link Waiter}s: the machinery behind {@link ReplicateClient}'s creates, runs and resumes. Calls go
 * one way, runner to handle to waiter; the waiter reports back only through the callback it is
 * given.
 */
final class PredictionRunner {
  /** How near the deadline a failed create counts as cut off by it (clocks differ slightly). */
  private static final Duration DEADLINE_SLACK = Duration.ofMillis(20);
  /** Time left between the end of a sync-mode wait and the run's deadline. */
  static final Duration SYNC_ANSWER_MARGIN = Duration.ofMillis(500);

  private final ApiCalls calls;
  private final Waits waits;
  private final Clock clock;

  PredictionRunner(ApiCalls calls, Waits waits) {
    this.calls = calls;
    this.waits = waits;
    this.clock = waits.clock();
  }

  <O> PredictionHandle<O> createHandle(WirePredictionRequest request, CreateOptions options,
      Function<Prediction, O> outputReader) {
    waits.checkOpen();
    ApiCalls.Created created;
    try {
      created = calls.create(request, options.preferHeader(), options.cancelAfterHeader(), null);
    } catch (ReplicateException e) {
      throw waits.closedDuringCreate(e);
    }
    return handle(created, outputReader);
  }

  <O> CompletableFuture<PredictionHandle<O>> createHandleAsync(WirePredictionRequest request,
      CreateOptions options, Function<Prediction, O> outputReader) {
    return waits.ifOpen(() -> calls.createAsync(request, options.preferHeader(),
        options.cancelAfterHeader(), null).thenApply(created -> handle(created, outputReader)));
  }

  /** A handle on an existing prediction; no request is made. */
  <O> PredictionHandle<O> resume(String id, Function<Prediction, O> outputReader) {
    return new PredictionHandle<>(id, null, calls, waits, outputReader);
  }

  /** A handle on an existing prediction, with its current state read first. */
  <O> CompletableFuture<PredictionHandle<O>> resumeAsync(String id,
      Function<Prediction, O> outputReader) {
    return waits.ifOpen(() -> calls.getAsync(id).thenApply(p -> {
      PredictionHandle<O> handle = resume(id, outputReader);
      handle.seen(p);
      return handle;
    }));
  }

  <O> O run(WirePredictionRequest request, CreateOptions options, PollingPolicy policy,
      Function<Prediction, O> outputReader) {
    waits.checkOpen();
    Instant deadlineAt = clock.instant().plus(policy.deadline());
    CreateOptions sent = runOptions(options, policy);
    ApiCalls.Created created;
    try {
      // The deadline bounds the create too, sync mode or not.
      created = calls.create(request, sent.preferHeader(), sent.cancelAfterHeader(),
          Duration.between(clock.instant(), deadlineAt));
    } catch (ReplicateException e) {
      throw cutByDeadline(waits.closedDuringCreate(e), policy, deadlineAt);
    }
    PredictionHandle<O> handle = handle(created, outputReader);
    return handle.outputOf(handle.awaitUntil(PredictionHandle.TERMINAL, policy, deadlineAt));
  }

  /**
   * A run without a thread held. Cancelling its future gives the prediction up: nobody can read
   * its result any more (the run never showed its id), so it is canceled remotely too.
   */
  <O> CompletableFuture<O> runAsync(WirePredictionRequest request, CreateOptions options,
      PollingPolicy policy, Function<Prediction, O> outputReader) {
    return waits.ifOpen(() -> runAsyncOpen(request, options, policy, outputReader));
  }

  private <O> CompletableFuture<O> runAsyncOpen(WirePredictionRequest request,
      CreateOptions options, PollingPolicy policy, Function<Prediction, O> outputReader) {
    Instant deadlineAt = clock.instant().plus(policy.deadline());
    CreateOptions sent = runOptions(options, policy);
    CompletableFuture<O> result = new CompletableFuture<>();
    CompletableFuture<ApiCalls.Created> created = calls.createAsync(request,
        sent.preferHeader(), sent.cancelAfterHeader(),
        Duration.between(clock.instant(), deadlineAt));
    Futures.propagateCancel(result, created);
    created.whenComplete((answer, error) -> {
      if (error != null) {
        Throwable cause = Waiter.unwrap(error);
        result.completeExceptionally(cause instanceof ReplicateException
            ? cutByDeadline(waits.closedDuringCreate((ReplicateException) cause), policy,
                deadlineAt) : cause);
        return;
      }
      PredictionHandle<O> handle = handle(answer, outputReader);
      CompletableFuture<Prediction> terminal = handle.awaitAsync(policy, deadlineAt, true);
      Futures.propagateCancel(result, terminal);
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
    return result;
  }

  private <O> PredictionHandle<O> handle(ApiCalls.Created created,
      Function<Prediction, O> reader) {
    Prediction prediction = created.prediction();
    PredictionHandle<O> handle =
        new PredictionHandle<>(prediction.id(), created.sentAt(), calls, waits, reader);
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
