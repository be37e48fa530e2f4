package dev.replicate4j.stub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A prediction's state stays consistent when the test thread, the HTTP threads and the stub's
 * clock change it at once: exactly one terminal status wins, a take-over that lost says so, and
 * every answer shows a state the prediction really had.
 */
class ConcurrentTransitionsTest {
  private static final int PREDICTIONS = 30;
  private static final Set<String> TERMINAL = Set.of("succeeded", "failed", "canceled", "aborted");

  @Test
  void racingTakeOversCancelsAndTheClockLeaveOneConsistentEnd() throws Exception {
    // Processing ends on the clock while the racers run, so scheduled steps race too.
    try (StubRelay stub = StubRelay.builder()
            .schedule(Schedule.of(Duration.ZERO, Duration.ofMillis(150))).build().start();
        StubHttp http = new StubHttp(stub)) {
      ExecutorService pool = Executors.newFixedThreadPool(5);
      try {
        List<String> inconsistencies = new CopyOnWriteArrayList<>();
        for (int i = 0; i < PREDICTIONS; i++) {
          race(stub, http, pool, i, inconsistencies);
        }
        assertThat(inconsistencies).isEmpty();
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static void race(StubRelay stub, StubHttp http, ExecutorService pool, int round,
      List<String> inconsistencies) throws Exception {
    String id = http.createId(StubHttp.SD, Map.of("prompt", "race " + round));
    // Let some rounds start racing while processing, others while still starting.
    TimeUnit.MILLISECONDS.sleep(round % 3 * 40L);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<String>> racers = new ArrayList<>();
    racers.add(pool.submit(takeOver(go, () -> stub.setStatus(id, "succeeded"))));
    racers.add(pool.submit(takeOver(go, () -> stub.setStatus(id, "failed"))));
    racers.add(pool.submit(takeOver(go, () -> stub.setOutcome(id, Outcome.dataRemoved()))));
    racers.add(pool.submit(() -> {
      go.await();
      return "cancel answered " + http.cancel(id).code;
    }));
    racers.add(pool.submit(() -> {
      go.await();
      for (int i = 0; i < 20; i++) {
        check(id, http.get(id).json(), inconsistencies);
      }
      return "read";
    }));
    go.countDown();
    List<String> results = new ArrayList<>();
    for (Future<String> racer : racers) {
      results.add(racer.get(20, TimeUnit.SECONDS));
    }

    Map<String, Object> end = http.get(id).json();
    check(id, end, inconsistencies);
    String status = (String) end.get("status");
    assertThat(status).as("%s after %s", id, results).isIn(TERMINAL);
    assertThat(stub.status(id)).isEqualTo(status);
    assertThat(results).contains("cancel answered 200");
    boolean succeededWon = results.get(0).equals("done");
    boolean failedWon = results.get(1).equals("done");
    assertThat(succeededWon && failedWon)
        .as("two terminal take-overs both succeeded: %s", results).isFalse();
    if (succeededWon) {
      assertThat(status).as("the succeeded take-over won: %s", results).isEqualTo("succeeded");
    }
    if (failedWon) {
      assertThat(status).as("the failed take-over won: %s", results).isEqualTo("failed");
    }
  }

  /** Runs a take-over: "done", or the message of the refusal it must give when it lost. */
  private static Callable<String> takeOver(CountDownLatch go, Runnable action) {
    return () -> {
      go.await();
      try {
        action.run();
        return "done";
      } catch (IllegalStateException e) {
        return "refused: " + e.getMessage();
      }
    };
  }

  /** The rules every answer obeys, whatever moment it shows. */
  private static void check(String id, Map<String, Object> p, List<String> inconsistencies) {
    String status = (String) p.get("status");
    boolean terminal = TERMINAL.contains(status);
    if (terminal != (p.get("completed_at") != null)) {
      inconsistencies.add(id + ": " + status + " with completed_at " + p.get("completed_at"));
    }
    if ("failed".equals(status) != (p.get("error") != null)) {
      inconsistencies.add(id + ": " + status + " with error " + p.get("error"));
    }
    if ("succeeded".equals(status)
        && (p.get("output") == null) == !Boolean.TRUE.equals(p.get("data_removed"))) {
      inconsistencies.add(id + ": succeeded with output " + p.get("output") + " and data_removed "
          + p.get("data_removed"));
    }
    if ("failed".equals(status) && p.get("output") != null) {
      inconsistencies.add(id + ": failed with output " + p.get("output"));
    }
    if ("processing".equals(status) && p.get("started_at") == null) {
      inconsistencies.add(id + ": processing without started_at");
    }
  }
}
