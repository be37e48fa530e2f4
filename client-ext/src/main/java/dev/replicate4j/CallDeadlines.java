package dev.replicate4j;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import okhttp3.Request;
import retrofit2.Call;

/**
 * Bounds the API calls of one client in time: a call still running at its deadline is cancelled,
 * and fails as a timeout.
 *
 * <p>OkHttp's own call timeout does the same, but wakes a watchdog thread at the start of every
 * call (its queue is empty between calls, so each call's deadline is the nearest), a cost of a few
 * percent of a loopback create. Here a check is scheduled for the nearest deadline and left in
 * place when calls end early: the next call's deadline is later, so it needs no new check and no
 * thread wakes. A check that finds nothing overdue schedules the next one at the nearest deadline
 * left, if any. Checks run on one daemon thread shared by all clients, which ends after a minute
 * without work.
 *
 * <p>Each watch is found by its request too, so that the synchronous retries know how much time
 * is left ({@link #remainingNanos}).
 */
final class CallDeadlines {
  private static final ScheduledThreadPoolExecutor CHECKS = checks();

  private final LongSupplier nanoTime;
  private final Ticker checks;
  private final Map<Request, Watch> watches = new ConcurrentHashMap<>();
  /** When the earliest scheduled check runs; {@link Long#MAX_VALUE} if none is. */
  private long nextCheck = Long.MAX_VALUE;

  CallDeadlines() {
    this(System::nanoTime, Ticker.of(CHECKS));
  }

  /**
   * @param nanoTime the clock of deadlines, as {@link System#nanoTime}
   * @param checks what runs the checks (on real time: a call's bound is real time whatever
   *     clock its client was given)
   */
  CallDeadlines(LongSupplier nanoTime, Ticker checks) {
    this.nanoTime = nanoTime;
    this.checks = checks;
  }

  /**
   * Watches a call from now until the returned watch is closed.
   *
   * @param call a call not yet executed or enqueued
   * @param timeout how long it may take; zero or less cancels it at once
   */
  Watch watch(Call<?> call, Duration timeout) {
    return watch(call, timeout, timeout);
  }

  /**
   * Watches one attempt of a call from now until the returned watch is closed.
   *
   * @param timeout how long the attempt may take; zero or less cancels it at once
   * @param bound the whole call's timeout, which its failure names (a retry has what is left)
   */
  Watch watch(Call<?> call, Duration timeout, Duration bound) {
    long deadline = nanoTime.getAsLong() + Math.max(0, timeout.toNanos());
    Watch watch = new Watch(call, call.request(), deadline, bound);
    watches.put(watch.request, watch);
    if (timeout.isNegative() || timeout.isZero()) {
      watch.expire();
      return watch;
    }
    checkBy(deadline);
    return watch;
  }

  /**
   * The time left to the deadline of the call that sent {@code request} (none or less once it
   * passed, until the call's watch is closed), or {@link Long#MAX_VALUE} if no watched call sent it.
   */
  long remainingNanos(Request request) {
    Watch watch = watches.get(request);
    return watch == null ? Long.MAX_VALUE : watch.deadline - nanoTime.getAsLong();
  }

  /** Cancels the overdue calls and schedules the next check, if a call is left to watch. */
  void check() {
    synchronized (this) {
      // A call watched from here on schedules its own check; one seen below is counted in next.
      nextCheck = Long.MAX_VALUE;
    }
    long now = nanoTime.getAsLong();
    long next = Long.MAX_VALUE;
    for (Watch watch : watches.values()) {
      if (watch.expired) {
        continue; // cancelled already; its caller closes it
      }
      if (watch.deadline - now <= 0) {
        watch.expire();
      } else {
        next = Math.min(next, watch.deadline);
      }
    }
    if (next != Long.MAX_VALUE) {
      checkBy(next);
    }
  }

  /** Calls watched and not yet closed, those their deadline cancelled included. */
  int watched() {
    return watches.size();
  }

  /** Schedules a check at {@code deadline} unless one is due by then already. */
  private void checkBy(long deadline) {
    synchronized (this) {
      if (deadline >= nextCheck) {
        return;
      }
      nextCheck = deadline;
    }
    checks.schedule(this::check, Duration.ofNanos(deadline - nanoTime.getAsLong()));
  }

  private static ScheduledThreadPoolExecutor checks() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(1, Transport.daemon("replicate4j-deadlines"));
    executor.setKeepAliveTime(1, TimeUnit.MINUTES);
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  /** One call under watch; close it when the call is over, however it ended. */
  final class Watch implements AutoCloseable {
    private final Call<?> call;
    private final Request request;
    private final long deadline;
    private final Duration bound;
    private volatile boolean expired;

    private Watch(Call<?> call, Request request, long deadline, Duration bound) {
      this.call = call;
      this.request = request;
      this.deadline = deadline;
      this.bound = bound;
    }

    /** Cancels the call; the watch stays until closed, so that its time left reads as none. */
    private void expire() {
      expired = true;
      call.cancel();
    }

    /**
     * What the call failed with, as the timeout it was if its deadline cancelled it (still a
     * {@link NotSentException} if nothing had been sent).
     *
     * @param failure what the call threw
     */
    IOException failure(IOException failure) {
      if (!expired) {
        return failure;
      }
      InterruptedIOException timedOut = new InterruptedIOException(
          "timeout: no complete answer within " + bound.toMillis() + " ms");
      if (failure instanceof NotSentException) {
        // Cancelled before a byte was sent (queued, or still connecting): the server never saw
        // it, so a create it ends created nothing.
        timedOut.initCause(((NotSentException) failure).original());
        return new NotSentException(timedOut, false);
      }
      timedOut.initCause(failure);
      return timedOut;
    }

    /** Whether the deadline cancelled the call. */
    boolean expired() {
      return expired;
    }

    @Override
    public void close() {
      watches.remove(request, this);
    }
  }
}
