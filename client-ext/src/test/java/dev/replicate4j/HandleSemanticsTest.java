package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * What a handle promises: stopping a wait is not cancelling the prediction, and its latest state
 * never moves backwards however refreshes and listeners interleave.
 */
class HandleSemanticsTest extends ServerAndClientTest {
  /**
   * Every call this client starts, as "METHOD /path". OkHttp reports a call's start on the thread
   * that sends or enqueues it, so a remote cancel issued while a future is being cancelled is
   * listed by the time {@code cancel(true)} returns: no waiting for it to reach the server.
   */
  private final List<String> started = new CopyOnWriteArrayList<>();

  @Override
  ReplicateClientBuilder settings(ReplicateClientBuilder builder) {
    return builder.okHttpClient(new OkHttpClient.Builder().eventListener(new EventListener() {
      @Override
      public void callStart(Call call) {
        started.add(call.request().method() + " " + call.request().url().encodedPath());
      }
    }).build());
  }

  @Test
  void cancellingAnAwaitAsyncFutureStopsWaitingButSendsNoRemoteCancel() throws Exception {
    List<String> calls = answerProcessing();
    PredictionHandle<Object> handle = client.create(TestHttp.MODEL, TestHttp.input());

    CompletableFuture<Prediction> wait = handle.awaitAsync();
    awaitCall(calls, "GET ");
    assertThat(wait.cancel(true)).isTrue();

    assertThat(wait).isCancelled();
    assertThat(started).contains("GET " + TestHttp.PREDICTIONS + "/p1")
        .noneMatch(call -> call.endsWith("/cancel"));
  }

  @Test
  void cancellingARunAsyncFutureCancelsTheRemotePrediction() throws Exception {
    List<String> calls = answerProcessing();

    CompletableFuture<Object> run = client.runAsync(TestHttp.MODEL, TestHttp.input());
    awaitCall(calls, "GET ");
    run.cancel(true);

    // The same probe as above sees this cancel start before cancel(true) returns.
    assertThat(started).contains("POST " + TestHttp.PREDICTIONS + "/p1/cancel");
    awaitCall(calls, "POST " + TestHttp.PREDICTIONS + "/p1/cancel");
  }

  /** Answers every request with a running prediction; the returned list records the requests. */
  private List<String> answerProcessing() {
    List<String> calls = new CopyOnWriteArrayList<>();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        calls.add(request.getMethod() + " " + request.getUrl().encodedPath());
        return PredictionJson.prediction("p1").status("processing").created();
      }
    });
    return calls;
  }

  /** Waits (up to 10 s) for a request starting with {@code prefix}. */
  private static void awaitCall(List<String> calls, String prefix) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (calls.stream().noneMatch(call -> call.startsWith(prefix))) {
      assertThat(System.nanoTime()).as("a request %s... within 10 s", prefix).isLessThan(until);
      Thread.sleep(10);
    }
  }

  @Test
  void anAnswerOvertakenByANewerOneIsDroppedAndHeardOnce() throws Exception {
    CountDownLatch olderArrived = new CountDownLatch(1);
    CountDownLatch releaseOlder = new CountDownLatch(1);
    AtomicInteger gets = new AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        int lines = 1;
        if (request.getMethod().equals("GET")) {
          lines = 1 + gets.incrementAndGet();
          if (lines == 2) {
            // The first refresh's answer leaves only after the second refresh has completed.
            olderArrived.countDown();
            assertThat(releaseOlder.await(10, TimeUnit.SECONDS)).isTrue();
          }
        }
        return PredictionJson.prediction("p1").status("processing").with("logs", logLines(lines))
            .created();
      }
    });
    PredictionHandle<Object> handle = client.create(TestHttp.MODEL, TestHttp.input());
    StringBuilder heard = logsHeard(handle);

    CompletableFuture<Void> older = CompletableFuture.runAsync(handle::refresh);
    assertThat(olderArrived.await(10, TimeUnit.SECONDS)).isTrue();
    handle.refresh();
    assertThat(handle.latest().orElseThrow().logs()).isEqualTo(logLines(3));
    releaseOlder.countDown();
    older.get(10, TimeUnit.SECONDS);

    assertThat(handle.latest().orElseThrow().logs()).as("the overtaken answer is dropped")
        .isEqualTo(logLines(3));
    assertThat(heard.toString()).as("listeners heard each chunk once, in order")
        .isEqualTo(logLines(3));
  }

  @Test
  void latestNeverMovesBackwardsUnderConcurrentRefreshesAndListeners() throws Exception {
    AtomicInteger answers = new AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        int n = answers.incrementAndGet();
        String logs = logLines(n);
        // Answers leave in a shuffled order, so that a refresh can be overtaken by a later one.
        Thread.sleep(ThreadLocalRandom.current().nextInt(3));
        return PredictionJson.prediction("p1").status("processing").with("logs", logs).created();
      }
    });
    PredictionHandle<Object> handle = client.create(TestHttp.MODEL, TestHttp.input());
    StringBuilder heard = logsHeard(handle);
    AtomicBoolean refreshing = new AtomicBoolean(true);
    List<Integer> backwards = new CopyOnWriteArrayList<>();
    Thread watcher = new Thread(() -> {
      int seen = 0;
      while (refreshing.get()) {
        int now = handle.latest().orElseThrow().logs().length();
        if (now < seen) {
          backwards.add(now);
        }
        seen = Math.max(seen, now);
      }
    });
    watcher.start();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<CompletableFuture<Void>> refreshes = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        refreshes.add(CompletableFuture.runAsync(handle::refresh, pool));
      }
      CompletableFuture.allOf(refreshes.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    } finally {
      refreshing.set(false);
      pool.shutdownNow();
      watcher.join(10_000);
    }

    assertThat(backwards).as("latest() moved backwards").isEmpty();
    String last = handle.latest().orElseThrow().logs();
    assertThat(last).isEqualTo(logLines(answers.get()));
    assertThat(heard.toString()).as("listeners heard each chunk once, in order").isEqualTo(last);
  }

  /** The handle's logs so far plus every chunk its listeners hear from now on. */
  private static StringBuilder logsHeard(PredictionHandle<Object> handle) {
    StringBuilder heard = new StringBuilder(handle.latest().orElseThrow().logs());
    handle.addListener(new PredictionListener() {
      @Override
      public void onLogs(Prediction p, String newLogs) {
        heard.append(newLogs);
      }
    });
    return heard;
  }

  private static String logLines(int n) {
    StringBuilder logs = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      logs.append("line ").append(i).append('\n');
    }
    return logs.toString();
  }
}
