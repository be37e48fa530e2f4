package dev.replicate4j;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/** A scheduler and clock under the test's control: time moves only when the test says so. */
final class ManualTicker extends Clock implements Ticker {
  private final PriorityQueue<Task> tasks = new PriorityQueue<>(Comparator.comparing(t -> t.due));
  private final List<Duration> delays = new ArrayList<>();
  private Instant now = Instant.parse("2026-11-25T10:00:00Z");

  @Override
  public synchronized Future<?> schedule(Runnable task, Duration delay) {
    delays.add(delay);
    Task t = new Task(now.plus(delay), task);
    tasks.add(t);
    return t.handle;
  }

  /** Every delay asked for, in order. */
  synchronized List<Duration> delays() {
    return List.copyOf(delays);
  }

  /** Runs scheduled tasks in time order until none is left, moving the clock to each. */
  void runAll() {
    while (true) {
      Task next;
      synchronized (this) {
        next = tasks.poll();
        if (next == null) {
          return;
        }
        now = next.due;
      }
      if (!next.handle.isCancelled()) {
        next.run.run();
      }
    }
  }

  synchronized void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneOffset getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(java.time.ZoneId zone) {
    throw new UnsupportedOperationException();
  }

  private static final class Task {
    final Instant due;
    final Runnable run;
    final CompletableFuture<Void> handle = new CompletableFuture<>();

    Task(Instant due, Runnable run) {
      this.due = due;
      this.run = run;
    }
  }
}
