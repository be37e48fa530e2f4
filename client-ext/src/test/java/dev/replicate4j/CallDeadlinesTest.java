package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Request;
import okio.Timeout;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * Which checks the deadlines schedule and what each one cancels, on a clock the test moves. The
 * point of the class is the first test: calls that end in time schedule no check of their own.
 */
class CallDeadlinesTest {
  private static final Duration BOUND = Duration.ofMinutes(3);

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final List<Check> checks = new ArrayList<>();
  private final CallDeadlines deadlines = new CallDeadlines(now::get, this::schedule);

  @Test
  void callsThatEndInTimeScheduleNoCheckAfterTheFirst() {
    for (int i = 0; i < 1000; i++) {
      FakeCall call = new FakeCall();
      deadlines.watch(call, BOUND).close();
      now.addAndGet(Duration.ofMillis(1).toNanos());
      assertThat(call.canceled).isFalse();
    }

    assertThat(checks).extracting(check -> check.delay).containsExactly(BOUND);
    assertThat(deadlines.watched()).isZero();
  }

  @Test
  void aCallStillRunningAtItsDeadlineIsCancelledAndFailsAsATimeout() {
    FakeCall call = new FakeCall();
    CallDeadlines.Watch watch = deadlines.watch(call, Duration.ofSeconds(2));

    runDueChecks(Duration.ofSeconds(2));

    assertThat(call.canceled).isTrue();
    assertThat(watch.expired()).isTrue();
    IOException canceled = new IOException("Canceled");
    IOException failure = watch.failure(canceled);
    assertThat(failure).isInstanceOf(InterruptedIOException.class)
        .hasMessage("timeout: no complete answer within 2000 ms").hasCause(canceled);
    assertThat(deadlines.remainingNanos(call.request))
        .as("no time left, so that a sync retry is not slept on").isNotPositive();
    watch.close();
    assertThat(deadlines.watched()).isZero();
  }

  @Test
  void aCallThatEndedInTimeKeepsItsOwnFailure() {
    CallDeadlines.Watch watch = deadlines.watch(new FakeCall(), Duration.ofSeconds(2));
    watch.close();

    runDueChecks(Duration.ofSeconds(5));

    IOException reset = new IOException("connection reset");
    assertThat(watch.failure(reset)).isSameAs(reset);
    assertThat(watch.expired()).isFalse();
  }

  @Test
  void aNearerDeadlineGetsItsOwnCheckAndOnlyItsCallIsCancelled() {
    FakeCall slow = new FakeCall();
    FakeCall hurried = new FakeCall();
    deadlines.watch(slow, BOUND);
    deadlines.watch(hurried, Duration.ofSeconds(2));

    assertThat(checks).extracting(check -> check.delay)
        .containsExactly(BOUND, Duration.ofSeconds(2));
    runDueChecks(Duration.ofSeconds(2));

    assertThat(hurried.canceled).isTrue();
    assertThat(slow.canceled).isFalse();
    assertThat(deadlines.watched()).as("both, until their callers close them").isEqualTo(2);
  }

  @Test
  void aCheckThatFindsNothingDueSchedulesTheNextAtTheNearestDeadlineLeft() {
    deadlines.watch(new FakeCall(), BOUND).close();
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    FakeCall later = new FakeCall();
    deadlines.watch(later, BOUND);

    runDueChecks(Duration.ofSeconds(179));
    assertThat(later.canceled).as("not due at the first call's deadline").isFalse();
    assertThat(checks).extracting(check -> check.delay)
        .containsExactly(BOUND, Duration.ofSeconds(1));

    runDueChecks(Duration.ofSeconds(1));
    assertThat(later.canceled).isTrue();
    assertThat(checks).as("nothing left to watch, nothing scheduled").hasSize(2);
  }

  @Test
  void aTimeoutAlreadyOverCancelsAtOnce() {
    FakeCall call = new FakeCall();

    CallDeadlines.Watch watch = deadlines.watch(call, Duration.ZERO);

    assertThat(call.canceled).isTrue();
    assertThat(watch.expired()).isTrue();
    assertThat(checks).isEmpty();
  }

  @Test
  void theTimeLeftIsFoundByTheRequestWhileTheCallIsWatched() {
    FakeCall call = new FakeCall();
    CallDeadlines.Watch watch = deadlines.watch(call, Duration.ofSeconds(10));
    now.addAndGet(Duration.ofSeconds(4).toNanos());

    assertThat(deadlines.remainingNanos(call.request)).isEqualTo(Duration.ofSeconds(6).toNanos());
    assertThat(deadlines.remainingNanos(new FakeCall().request)).isEqualTo(Long.MAX_VALUE);
    watch.close();
    assertThat(deadlines.remainingNanos(call.request)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void onRealTimeManyThreadsLoseNoCheckAndCancelNoCallThatEndedInTime() throws Exception {
    // Watches, closes and checks race here: every third call never ends by itself and must be
    // cancelled at its deadline; a call closed before its deadline must never be.
    CallDeadlines real = new CallDeadlines();
    int threads = 8;
    int calls = 300;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<List<String>>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      results.add(pool.submit(() -> {
        List<String> wrong = new ArrayList<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < calls; i++) {
          FakeCall call = new FakeCall();
          Duration timeout = Duration.ofNanos(random.nextLong(100_000, 5_000_000));
          long earliestDeadline = System.nanoTime() + timeout.toNanos();
          CallDeadlines.Watch watch = real.watch(call, timeout);
          if (i % 3 == 0) {
            if (!call.cancelled.await(10, TimeUnit.SECONDS)) {
              wrong.add("a call past its deadline was not cancelled");
              return wrong;
            }
            watch.close();
            continue;
          }
          LockSupport.parkNanos(random.nextLong(0, 6_000_000));
          long closedAt = System.nanoTime();
          watch.close();
          if (closedAt - earliestDeadline < 0 && call.canceled) {
            wrong.add("a call closed before its deadline was cancelled");
          }
        }
        return wrong;
      }));
    }
    List<String> wrong = new ArrayList<>();
    for (Future<List<String>> result : results) {
      wrong.addAll(result.get(2, TimeUnit.MINUTES));
    }
    pool.shutdown();

    assertThat(wrong).isEmpty();
    assertThat(real.watched()).isZero();
  }

  /** Moves the clock by {@code elapsed}, running each check as its time comes. */
  private void runDueChecks(Duration elapsed) {
    long end = now.get() + elapsed.toNanos();
    while (true) {
      Check next = checks.stream().filter(check -> !check.ran)
          .min((a, b) -> Long.compare(a.due, b.due)).orElse(null);
      if (next == null || next.due > end) {
        break;
      }
      now.set(Math.max(now.get(), next.due));
      next.ran = true;
      next.task.run();
    }
    now.set(end);
  }

  private Future<?> schedule(Runnable task, Duration delay) {
    checks.add(new Check(task, delay, now.get() + delay.toNanos()));
    return new CompletableFuture<>();
  }

  private static final class Check {
    final Runnable task;
    final Duration delay;
    final long due;
    boolean ran;

    Check(Runnable task, Duration delay, long due) {
      this.task = task;
      this.delay = delay;
      this.due = due;
    }
  }

  /** A call that is never sent: only its request and whether it was cancelled matter here. */
  private static final class FakeCall implements Call<Object> {
    final Request request = new Request.Builder().url("http://localhost/p").build();
    volatile boolean canceled;
    final CountDownLatch cancelled = new CountDownLatch(1);

    @Override
    public Response<Object> execute() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void enqueue(Callback<Object> callback) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean isExecuted() {
      return false;
    }

    @Override
    public void cancel() {
      canceled = true;
      cancelled.countDown();
    }

    @Override
    public boolean isCanceled() {
      return canceled;
    }

    @Override
    public Call<Object> clone() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Request request() {
      return request;
    }

    @Override
    public Timeout timeout() {
      return Timeout.NONE;
    }
  }
}
