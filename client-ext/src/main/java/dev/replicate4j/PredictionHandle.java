package dev.replicate4j;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A prediction that may still be running: created by {@code create(...)} or resumed from its id.
 *
 * <p>Stopping a local wait and cancelling the remote prediction are different acts: a wait that
 * passes its deadline throws {@link PredictionTimeoutException} (and cancels remotely only if the
 * policy says so), while {@link #cancel()} asks the server to stop the prediction. Thread-safe.
 *
 * @param <O> the typed output
 */
public final class PredictionHandle<O> {
  private final String id;
  private final PredictionRunner runner;
  private final Function<Prediction, O> outputReader;
  private final ChangeReporter reporter = new ChangeReporter();
  /** When this process sent the create; null for a handle resumed from an id. */
  private final Instant createSentAt;
  private volatile Prediction latest;

  PredictionHandle(String id, Instant createSentAt, PredictionRunner runner,
      Function<Prediction, O> outputReader) {
    this.id = Objects.requireNonNull(id, "id");
    this.createSentAt = createSentAt;
    this.runner = runner;
    this.outputReader = outputReader;
  }

  /**
   * The prediction's id; keep it to resume the wait later.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The latest state known, without a request.
   *
   * @return the prediction, or null if a resumed handle was never refreshed or waited on
   */
  public Prediction latest() {
    return latest;
  }

  /**
   * Adds a listener for status changes, new logs and progress seen by this handle's waits and
   * refreshes.
   *
   * @param listener the listener
   * @return this handle
   */
  public PredictionHandle<O> addListener(PredictionListener listener) {
    reporter.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Fetches the current state once.
   *
   * @return the prediction
   */
  public Prediction refresh() {
    Prediction p = runner.calls().get(id);
    seen(p);
    return p;
  }

  /**
   * Waits until the prediction is terminal, under the client's polling policy but without
   * cancelling the remote prediction at the deadline.
   *
   * @return the terminal prediction (succeeded, failed, canceled or aborted)
   * @throws PredictionTimeoutException if the deadline passes first
   */
  public Prediction await() {
    return await(runner.defaultPolicy().toBuilder().cancelOnDeadline(false).build());
  }

  /**
   * Waits until the prediction is terminal or the deadline passes.
   *
   * @param deadline the longest to wait
   * @return the terminal prediction
   * @throws PredictionTimeoutException if the deadline passes first
   */
  public Prediction await(Duration deadline) {
    return await(runner.defaultPolicy().toBuilder().cancelOnDeadline(false).deadline(deadline)
        .build());
  }

  /**
   * Waits until the prediction is terminal, under the given policy.
   *
   * @param policy the delays, deadline and whether to cancel remotely at the deadline
   * @return the terminal prediction
   * @throws PredictionTimeoutException if the deadline passes first
   */
  public Prediction await(PollingPolicy policy) {
    return awaitUntil(p -> p.status().isTerminal(), policy);
  }

  /**
   * Waits until a condition holds, for example until the first output file appears. Also returns
   * when the prediction becomes terminal, so the wait cannot outlive the prediction.
   *
   * @param condition the condition on the latest state
   * @param deadline the longest to wait
   * @return the first state satisfying the condition, or the terminal state
   * @throws PredictionTimeoutException if the deadline passes first
   */
  public Prediction awaitUntil(Predicate<Prediction> condition, Duration deadline) {
    return awaitUntil(condition, runner.defaultPolicy().toBuilder().cancelOnDeadline(false)
        .deadline(deadline).build());
  }

  private Prediction awaitUntil(Predicate<Prediction> condition, PollingPolicy policy) {
    Objects.requireNonNull(condition, "condition");
    Waiter waiter = runner.newWaiter(this, condition.or(p -> p.status().isTerminal()), policy);
    CompletableFuture<Prediction> future = waiter.start(latest, false);
    return join(future, waiter);
  }

  /**
   * Waits until the prediction is terminal and returns its typed output.
   *
   * @return the output
   * @throws PredictionFailedException if it failed
   * @throws PredictionCanceledException if it was canceled
   * @throws PredictionAbortedException if it was aborted
   * @throws OutputExpiredException if its output was already removed
   * @throws PredictionTimeoutException if the deadline passes first
   */
  public O output() {
    return outputOf(await());
  }

  /**
   * Waits asynchronously until the prediction is terminal. No thread is held while waiting.
   * Cancelling the returned future stops polling <em>and cancels the remote prediction</em>.
   *
   * @return a future of the terminal prediction
   */
  public CompletableFuture<Prediction> awaitAsync() {
    return awaitAsync(runner.defaultPolicy().toBuilder().cancelOnDeadline(false).build());
  }

  /**
   * Waits asynchronously under the given policy. Cancelling the returned future stops polling and
   * cancels the remote prediction.
   *
   * @param policy the delays, deadline and deadline behaviour
   * @return a future of the terminal prediction
   */
  public CompletableFuture<Prediction> awaitAsync(PollingPolicy policy) {
    return runner.newWaiter(this, p -> p.status().isTerminal(), policy).start(latest, true);
  }

  /**
   * The typed output, asynchronously. Cancelling the returned future stops polling and cancels the
   * remote prediction.
   *
   * @return a future of the output, failing as {@link #output()} throws
   */
  public CompletableFuture<O> outputAsync() {
    CompletableFuture<Prediction> terminal = awaitAsync();
    CompletableFuture<O> output = terminal.thenApply(this::outputOf);
    output.whenComplete((o, t) -> {
      if (output.isCancelled()) {
        terminal.cancel(false);
      }
    });
    return output;
  }

  /**
   * Asks the server to cancel the prediction. Does not wait for it to stop.
   *
   * @return the prediction as the server answered
   * @throws CancelNotSupportedException if the server does not offer cancelling
   */
  public Prediction cancel() {
    Prediction p = runner.calls().cancel(id);
    seen(p);
    return p;
  }

  /**
   * The typed output of a terminal prediction.
   *
   * @param terminal a terminal prediction of this handle
   * @return the output
   */
  O outputOf(Prediction terminal) {
    switch (terminal.status()) {
      case SUCCEEDED:
        if (terminal.output() == null && terminal.dataRemoved()) {
          throw new OutputExpiredException(terminal);
        }
        return outputReader.apply(terminal);
      case FAILED:
      case CANCELED:
      case ABORTED:
        throw PredictionException.forTerminal(terminal);
      default:
        throw new IllegalStateException("Prediction " + id + " is not terminal: "
            + terminal.rawStatus());
    }
  }

  Instant createSentAt() {
    return createSentAt;
  }

  void seen(Prediction p) {
    latest = p;
    reporter.observe(p);
  }

  static Prediction join(CompletableFuture<Prediction> future, Waiter waiter) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      // Interrupting a sync wait stops the local wait only; the prediction keeps running.
      waiter.stop();
      Thread.currentThread().interrupt();
      throw new ReplicateException("Interrupted while waiting; the prediction may still be running",
          e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new ReplicateException("Waiting failed: " + cause, cause);
    } catch (CancellationException e) {
      throw new ReplicateException("The wait was cancelled", e);
    }
  }

  @Override
  public String toString() {
    Prediction p = latest;
    return "PredictionHandle{id=" + id + ", status=" + (p == null ? "unknown" : p.rawStatus()) + "}";
  }
}
