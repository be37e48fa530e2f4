package dev.replicate4j;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a task after a delay without holding a thread meanwhile. Tests use a manual one. */
interface Ticker {
  Future<?> schedule(Runnable task, Duration delay);

  static Ticker of(ScheduledExecutorService executor) {
    return (task, delay) -> executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
  }
}
