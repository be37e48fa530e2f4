package dev.replicate4j;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The waits of one client: what they share, the policy a handle waits under by default, and the
 * waits in progress, which closing the client ends. It also knows whether the client is closed,
 * which its calls check before sending anything.
 */
final class Waits {
  private final Waiter.Shared shared;
  private final PollingPolicy handlePolicy;
  private final Set<Waiter> waiting = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /**
   * @param defaultPolicy the client's polling policy; a handle's wait follows it but never
   *     cancels the remote prediction at its deadline
   */
  Waits(Waiter.Shared shared, PollingPolicy defaultPolicy) {
    this.shared = shared;
    this.handlePolicy = defaultPolicy.toBuilder().cancelOnDeadline(false).build();
  }

  Clock clock() {
    return shared.clock();
  }

  /** A handle's wait: the client's policy, without a remote cancel at the deadline. */
  PollingPolicy handlePolicy() {
    return handlePolicy;
  }

  /** A handle's wait with its own deadline. */
  PollingPolicy handlePolicy(Duration deadline) {
    return handlePolicy.toBuilder().deadline(deadline).build();
  }

  /**
   * A wait, counted among those in progress until it ends.
   *
   * @param createSentAt when this process sent the create, or null if it did not
   */
  Waiter newWaiter(String id, Predicate<Prediction> done, PollingPolicy policy, Instant deadlineAt,
      Consumer<Prediction> onSeen, Instant createSentAt) {
    Waiter waiter = new Waiter(shared, id, done, policy, deadlineAt, onSeen,
        new BarEndWindow(createSentAt));
    waiting.add(waiter);
    waiter.onEnd(() -> waiting.remove(waiter));
    if (closed) {
      // Closed while this wait was being made: abandonAll may have missed it.
      waiter.abandon();
    }
    return waiter;
  }

  /**
   * Marks the client closed and ends every wait still going with an error, before the client's
   * scheduler and HTTP threads stop: without it a wait whose next poll was dropped would never end.
   */
  void abandonAll() {
    closed = true;
    for (Waiter waiter : waiting) {
      waiter.abandon();
    }
  }

  /**
   * Refuses a call on a closed client before it sends anything: a closed client's connections
   * would still carry a synchronous create (a prediction billed, then never waited on), while its
   * stopped threads would fail an asynchronous one as a network error that may have created it.
   *
   * @throws ReplicateException if the client is closed
   */
  void checkOpen() {
    if (closed) {
      throw closedClient();
    }
  }

  /** The asynchronous call, or a future failed as {@link #checkOpen()} throws. */
  <T> CompletableFuture<T> ifOpen(Supplier<CompletableFuture<T>> call) {
    return closed ? CompletableFuture.failedFuture(closedClient()) : call.get();
  }

  /**
   * A create's failure, or one that says the client was closed while the create was in flight
   * (closing cancels its call, which would otherwise read as a bare "Socket closed").
   */
  ReplicateException closedDuringCreate(ReplicateException failure) {
    if (!closed || failure instanceof ApiException) {
      return failure;
    }
    return new ReplicateException("The client was closed while the create was in flight"
        + (failure.mayHaveCreated() ? ReplicateException.MAY_HAVE_CREATED : ""), failure,
        failure.mayHaveCreated());
  }

  private static ReplicateException closedClient() {
    return new ReplicateException("This ReplicateClient is closed, so nothing was sent; build a"
        + " new client (one client is meant to be shared for the application's lifetime)");
  }
}
