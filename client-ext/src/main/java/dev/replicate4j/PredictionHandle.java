package dev.replicate4j;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A prediction that may still be running: created by {@code create(...)} or resumed from its id.
 *
 * <p>Stopping a local wait and cancelling the remote prediction are different acts: a wait that
 * passes its deadline, is interrupted, or whose future ({@link #awaitAsync()},
 * {@link #outputAsync()}) is cancelled stops waiting and leaves the prediction running (a handle's
 * wait cancels remotely at its deadline only under a policy that says so); only {@link #cancel()}
 * asks the server to stop the prediction.
 *
 * <p>Thread-safe. {@link #latest()} never moves backwards: an answer overtaken by a newer one
 * (two refreshes crossing, say) is dropped, and listeners hear of each change once, in order.
 *
 * @param <O> the typed output
 */
public final class PredictionHandle<O> {
  /** The end of a plain wait: a terminal status. */
  static final Predicate<Prediction> TERMINAL = p -> p.status().isTerminal();

  private final String id;
  private final ApiCalls calls;
  private final Waits waits;
  private final Function<Prediction, O> outputReader;
  private final ChangeReporter reporter = new ChangeReporter();
  /** When this process sent the create; null for a handle resumed from an id. */
  private final Instant createSentAt;

  PredictionHandle(String id, Instant createSentAt, ApiCalls calls, Waits waits,
      Function<Prediction, O> outputReader) {
    this.id = Objects.requireNonNull(id, "id");
    this.createSentAt = createSentAt;
    this.calls = calls;
    this.waits = waits;
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
   * @return the prediction, or empty if a handle resumed from an id was never refreshed or
   *     waited on
   */
  public Optional<Prediction> latest() {
    return Optional.ofNullable(reporter.latest());
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
    waits.checkOpen();
    Prediction p = calls.get(id);
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
    return await(waits.handlePolicy());
  }

  /**
   * Waits until the prediction is terminal or the deadline passes.
   *
   * @param deadline the longest to wait
   * @return the terminal prediction
   * @throws PredictionTimeoutException if the deadline passes first
   */
  public Prediction await(Duration deadline) {
    return await(waits.handlePolicy(deadline));
  }

  /**
   * Waits until the prediction is terminal, under the given policy.
   *
   * @param policy the delays, deadline and whether to cancel remotely at the deadline
   * @return the terminal prediction
   * @throws PredictionTimeoutException if the deadline passes first
   */
  public Prediction await(PollingPolicy policy) {
    return awaitUntil(TERMINAL, policy);
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
    return awaitUntil(condition, waits.handlePolicy(deadline));
  }

  private Prediction awaitUntil(Predicate<Prediction> condition, PollingPolicy policy) {
    Objects.requireNonNull(condition, "condition");
    return awaitUntil(condition.or(TERMINAL), policy, deadlineOf(policy));
  }

  /** Waits on the calling thread until {@code done} holds or {@code deadlineAt} passes. */
  Prediction awaitUntil(Predicate<Prediction> done, PollingPolicy policy, Instant deadlineAt) {
    waits.checkOpen();
    Waiter waiter = newWaiter(done, policy, deadlineAt);
    return join(waiter.start(reporter.latest(), false), waiter);
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
   * Waits asynchronously until the prediction is terminal, under the client's polling policy but
   * without cancelling the remote prediction at the deadline. No thread is held while waiting.
   * Cancelling the returned future stops waiting only: the prediction goes on (see
   * {@link #cancel()}).
   *
   * @return a future of the terminal prediction
   */
  public CompletableFuture<Prediction> awaitAsync() {
    return awaitAsync(waits.handlePolicy());
  }

  /**
   * Waits asynchronously under the given policy. Cancelling the returned future stops waiting
   * only; the policy's deadline may cancel the remote prediction if it says so.
   *
   * @param policy the delays, deadline and deadline behaviour
   * @return a future of the terminal prediction
   */
  public CompletableFuture<Prediction> awaitAsync(PollingPolicy policy) {
    return awaitAsync(policy, deadlineOf(policy), false);
  }

  /**
   * Waits asynchronously until the prediction is terminal or {@code deadlineAt} passes.
   *
   * @param cancelRemoteOnAbandon whether cancelling the future also cancels the prediction
   */
  CompletableFuture<Prediction> awaitAsync(PollingPolicy policy, Instant deadlineAt,
      boolean cancelRemoteOnAbandon) {
    return waits.ifOpen(() -> newWaiter(TERMINAL, policy, deadlineAt)
        .start(reporter.latest(), cancelRemoteOnAbandon));
  }

  /**
   * The typed output, asynchronously. Cancelling the returned future stops waiting only.
   *
   * @return a future of the output, failing as {@link #output()} throws
   */
  public CompletableFuture<O> outputAsync() {
    CompletableFuture<Prediction> terminal = awaitAsync();
    CompletableFuture<O> output = terminal.thenApply(this::outputOf);
    Futures.propagateCancel(output, terminal);
    return output;
  }

  /**
   * Asks the server to cancel the prediction. Does not wait for it to stop.
   *
   * @return the prediction as the server answered
   * @throws CancelNotSupportedException if the server does not offer cancelling
   */
  public Prediction cancel() {
    waits.checkOpen();
    Prediction p = calls.cancel(id);
    seen(p);
    return p;
  }

  /**
   * Asks the server to cancel the prediction, asynchronously.
   *
   * @return a future of the prediction as the server answered, failing with a
   *     {@link ReplicateException} ({@link CancelNotSupportedException} if the server does not
   *     offer cancelling)
   */
  public CompletableFuture<Prediction> cancelAsync() {
    return waits.ifOpen(() -> calls.cancelAsync(id).thenApply(p -> {
      seen(p);
      return p;
    }));
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
            + terminal.shownStatus());
    }
  }

  /** Records a state seen by a create, a wait, a refresh or a cancel, and tells the listeners. */
  void seen(Prediction p) {
    reporter.observe(p);
  }

  /** When this process sent the create, which dates the logs' progress lines; null if it did not. */
  Instant createSentAt() {
    return createSentAt;
  }

  private Instant deadlineOf(PollingPolicy policy) {
    return waits.clock().instant().plus(policy.deadline());
  }

  private Waiter newWaiter(Predicate<Prediction> done, PollingPolicy policy, Instant deadlineAt) {
    return waits.newWaiter(id, done, policy, deadlineAt, this::seen, createSentAt());
  }

  private Prediction join(CompletableFuture<Prediction> future, Waiter waiter) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      // Interrupting a sync wait stops the local wait only; the prediction keeps running. The id
      // is in the message: a run's caller has no other way to find the prediction again.
      waiter.stop();
      Thread.currentThread().interrupt();
      throw new ReplicateException("Interrupted while waiting for prediction " + id
          + "; it may still be running on the server (resume or cancel it by its id)", e);
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
    Prediction p = reporter.latest();
    return "PredictionHandle{id=" + id + ", status=" + (p == null ? "unknown" : p.shownStatus()) + "}";
  }
}
