package dev.replicate4j.it;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Counts, on a sampling thread, the live threads whose names match, and remembers the peak and
 * every name seen. Sampling can miss a thread that lives shorter than the interval, never count
 * one too many.
 */
final class ThreadCensus implements AutoCloseable {
  private final Predicate<String> counted;
  private final AtomicInteger peak = new AtomicInteger();
  private final Set<String> names = new TreeSet<>();
  private final Thread sampler;
  private volatile boolean running = true;

  private ThreadCensus(Predicate<String> counted) {
    this.counted = counted;
    this.sampler = new Thread(this::sample, "thread-census");
    sampler.setDaemon(true);
  }

  static ThreadCensus start(Predicate<String> counted) {
    ThreadCensus census = new ThreadCensus(counted);
    census.sampleOnce();
    census.sampler.start();
    return census;
  }

  int peak() {
    return peak.get();
  }

  synchronized Set<String> names() {
    return new TreeSet<>(names);
  }

  private void sample() {
    while (running) {
      sampleOnce();
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void sampleOnce() {
    int count = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive() && counted.test(t.getName())) {
        count++;
        synchronized (this) {
          names.add(t.getName());
        }
      }
    }
    peak.accumulateAndGet(count, Math::max);
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    sampler.interrupt();
    sampler.join();
    sampleOnce();
  }
}
