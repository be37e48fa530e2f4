package dev.replicate4j;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/** Cancellation between futures: what giving up on one future gives up too. */
final class Futures {
  private Futures() {}

  /** Runs {@code action} once {@code future} is cancelled (at once if it already is). */
  static void onCancel(CompletableFuture<?> future, Runnable action) {
    future.whenComplete((value, error) -> {
      if (future.isCancelled()) {
        action.run();
      }
    });
  }

  /** Cancelling {@code from} cancels {@code to}: who gives up a result gives up its parts. */
  static void propagateCancel(CompletableFuture<?> from, Future<?> to) {
    onCancel(from, () -> to.cancel(false));
  }
}
