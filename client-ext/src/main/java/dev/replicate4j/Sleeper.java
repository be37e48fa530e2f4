package dev.replicate4j;

import java.time.Duration;

/**
 * Blocks the calling thread for a while. The client sleeps through one of these between retries, so
 * tests can inject one that only records the delays.
 */
@FunctionalInterface
interface Sleeper {
  /** Sleeps with {@link Thread#sleep(long)}. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  /**
   * Sleeps.
   *
   * @param duration how long
   * @throws InterruptedException if the thread is interrupted while sleeping
   */
  void sleep(Duration duration) throws InterruptedException;
}
