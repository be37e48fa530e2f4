package dev.replicate4j;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * A {@link Ticker} that runs each task at once instead of after its delay, so waits poll back to
 * back.
 */
final class ImmediateTicker implements Ticker {
  @Override
  public Future<?> schedule(Runnable task, Duration delay) {
    task.run();
    return CompletableFuture.completedFuture(null);
  }
}
