package dev.replicate4j;

import static dev.replicate4j.PredictionJson.withStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/** The polling engine under an injected clock and scheduler: exact delays, no real waiting. */
class WaiterTest {
  private final ManualTicker ticker = new ManualTicker();
  private final ScriptedSource source = new ScriptedSource();
  private final List<Prediction> seen = new ArrayList<>();

  private static final PollingPolicy EXACT = PollingPolicy.builder()
      .initialDelay(Duration.ofMillis(100)).multiplier(2).maxDelay(Duration.ofSeconds(1))
      .jitter(0).deadline(Duration.ofMinutes(1)).build();

  @Test
  void delaysGrowByTheMultiplierUpToTheCap() throws Exception {
    for (int i = 0; i < 6; i++) {
      source.then(withStatus("processing", ""));
    }
    source.then(withStatus("succeeded", ""));

    assertThat(delaysToSuccess(start(EXACT, withStatus("starting", ""), false)))
        .containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L, 1000L);
    assertThat(source.gets).isEqualTo(7);
  }

  @Test
  void jitterOnlyShortensDelays() throws Exception {
    source.then(withStatus("processing", "")).then(withStatus("succeeded", ""));
    PollingPolicy jittery = EXACT.toBuilder().jitter(0.5).build();

    Waiter waiter = new Waiter(shared(() -> 0.999),
        "p1", p -> p.status().isTerminal(), jittery, ticker.instant().plus(jittery.deadline()),
        seen::add, new BarEndWindow(null));
    assertThat(delaysToSuccess(waiter.start(null, false)))
        .containsExactly(50L, 100L);
  }

  @Test
  void retryAfterFromA429OverridesTheComputedDelay() throws Exception {
    source.then(new RateLimitException("throttled", 429, ProblemDetails.of(Map.of()), Map.of(),
        Duration.ofSeconds(7)))
        .then(withStatus("succeeded", ""));

    assertThat(delaysToSuccess(start(EXACT, withStatus("starting", ""), false)))
        .containsExactly(100L, 7000L);
  }

  @Test
  void retryAfterBeyondTheRetryPolicysCapIsClampedToIt() throws Exception {
    source.then(new RateLimitException("throttled", 429, ProblemDetails.of(Map.of()), Map.of(),
        Duration.ofDays(1)))
        .then(withStatus("succeeded", ""));

    PollingPolicy patient = EXACT.toBuilder().deadline(Duration.ofHours(1)).build();

    assertThat(delaysToSuccess(start(patient, withStatus("starting", ""), false)))
        .containsExactly(100L, RetryPolicy.DEFAULT.maxRetryAfter().toMillis());
  }

  @Test
  void aRemoteCancelThatNeverAnswersDoesNotHoldTheDeadline() {
    source.then(withStatus("processing", ""));
    source.cancelAnswers = false;
    PollingPolicy policy = EXACT.toBuilder().deadline(Duration.ofSeconds(2))
        .cancelOnDeadline(true).build();

    CompletableFuture<Prediction> result = start(policy, withStatus("starting", ""), false);
    ticker.runAll();

    assertThatThrownBy(result::get).cause()
        .isInstanceOfSatisfying(PredictionTimeoutException.class,
            e -> assertThat(e.remoteCanceled()).isFalse());
    assertThat(source.cancels).containsExactly("p1");
    List<Duration> delays = ticker.delays();
    assertThat(delays.get(delays.size() - 1)).isEqualTo(Waiter.CANCEL_GRACE);
  }

  @Test
  void retryAfterHeaderOnA503OverridesTheComputedDelay() throws Exception {
    ErrorMapper mapper = new ErrorMapper(ticker);
    source.then(mapper.toException("get prediction p1", 503, Headers.of("Retry-After", "3"), null))
        .then(withStatus("succeeded", ""));

    assertThat(delaysToSuccess(start(EXACT, withStatus("starting", ""), false)))
        .containsExactly(100L, 3000L);
  }

  @Test
  void deadlineWithoutRemoteCancelSaysThePredictionMayStillRun() {
    source.then(withStatus("processing", ""));
    PollingPolicy policy = EXACT.toBuilder().deadline(Duration.ofSeconds(2))
        .cancelOnDeadline(false).build();

    CompletableFuture<Prediction> result = start(policy, withStatus("starting", ""), false);
    ticker.runAll();

    assertThatThrownBy(result::get).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOfSatisfying(PredictionTimeoutException.class, e -> {
          assertThat(e.predictionId()).isEqualTo("p1");
          assertThat(e.remoteCanceled()).isFalse();
          assertThat(e.lastSeen().status()).isEqualTo(PredictionStatus.PROCESSING);
          assertThat(e.getMessage()).contains("may still be running");
        });
    assertThat(source.cancels).isEmpty();
    // The last delay is cut to land exactly on the deadline: 100+200+400+800+500 = 2000 ms.
    assertThat(ticker.delays()).extracting(Duration::toMillis)
        .containsExactly(100L, 200L, 400L, 800L, 500L);
  }

  @Test
  void deadlineWithRemoteCancelCancelsOnce() {
    source.then(withStatus("processing", ""));
    PollingPolicy policy = EXACT.toBuilder().deadline(Duration.ofSeconds(2))
        .cancelOnDeadline(true).build();

    CompletableFuture<Prediction> result = start(policy, withStatus("starting", ""), false);
    ticker.runAll();

    assertThatThrownBy(result::get).cause()
        .isInstanceOfSatisfying(PredictionTimeoutException.class, e -> {
          assertThat(e.remoteCanceled()).isTrue();
          assertThat(e.lastSeen().status()).isEqualTo(PredictionStatus.CANCELED);
        });
    assertThat(source.cancels).containsExactly("p1");
  }

  @Test
  void abortedEndsTheWait() throws Exception {
    source.then(withStatus("aborted", ""));

    CompletableFuture<Prediction> result = start(EXACT, withStatus("starting", ""), false);
    ticker.runAll();

    assertThat(result.get().status()).isEqualTo(PredictionStatus.ABORTED);
    assertThat(source.gets).isEqualTo(1);
  }

  @Test
  void unknownStatusIsReportedAndWaitedOnUntilTheDeadline() {
    source.then(withStatus("queued_for_gpu", ""));
    List<String> statuses = new ArrayList<>();
    PollingPolicy policy = EXACT.toBuilder().deadline(Duration.ofSeconds(3))
        .cancelOnDeadline(false).build();
    ChangeReporter reporter = new ChangeReporter();
    reporter.add(new PredictionListener() {
      @Override
      public void onStatusChange(Prediction p, PredictionStatus previous) {
        statuses.add(previous + "->" + p.status() + "(" + p.rawStatus().orElseThrow() + ")");
      }
    });

    Waiter waiter = new Waiter(shared(() -> 0),
        "p1", p -> p.status().isTerminal(), policy, ticker.instant().plus(policy.deadline()),
        reporter::observe, new BarEndWindow(null));
    CompletableFuture<Prediction> result = waiter.start(withStatus("starting", ""), false);
    ticker.runAll();

    assertThat(result).isCompletedExceptionally();
    assertThat(source.gets).isGreaterThan(3);
    assertThat(statuses).containsExactly("null->STARTING(starting)",
        "STARTING->UNKNOWN(queued_for_gpu)");
  }

  @Test
  void listenersGetEachChangeOnceAsDeltas() throws Exception {
    source.then(withStatus("processing", "loading\n"))
        .then(withStatus("processing", "loading\n 10%|#         | 5/50 [00:01<00:09, 5it/s]"))
        .then(withStatus("processing", "loading\n 10%|#         | 5/50 [00:01<00:09, 5it/s]"))
        .then(withStatus("processing",
            "loading\n 10%|#         | 5/50 [00:01<00:09, 5it/s]\r 50%|#####     | 25/50 [00:05<00:05, 5it/s]"))
        .then(withStatus("succeeded",
            "loading\n 10%|#         | 5/50 [00:01<00:09, 5it/s]\r 50%|#####     | 25/50 [00:05<00:05, 5it/s]\rdone\n"));
    HeardChanges heard = new HeardChanges();
    ChangeReporter reporter = new ChangeReporter();
    reporter.add(heard);

    Waiter waiter = new Waiter(shared(() -> 0),
        "p1", p -> p.status().isTerminal(), EXACT, ticker.instant().plus(EXACT.deadline()),
        reporter::observe, new BarEndWindow(null));
    waiter.start(withStatus("starting", ""), false);
    ticker.runAll();

    assertThat(heard.events).containsExactly(
        "status STARTING",
        "status PROCESSING", "logs loading",
        "logs 10%|#         | 5/50 [00:01<00:09, 5it/s]", "progress 0.1",
        "logs 50%|#####     | 25/50 [00:05<00:05, 5it/s]", "progress 0.5",
        "logs done", "status SUCCEEDED");
  }

  @Test
  void notFoundWhilePollingEndsTheWaitWithAClearError() {
    source.then(new NotFoundException("get prediction p1 failed with HTTP 404: Not found", 404,
        ProblemDetails.of(Map.of("detail", "Not found")), Map.of()));

    CompletableFuture<Prediction> result = start(EXACT, withStatus("starting", ""), false);
    ticker.runAll();

    assertThatThrownBy(result::get).cause().isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Prediction p1 was not found while waiting");
  }

  @Test
  void cancellingTheFutureStopsPollingAndCancelsRemotely() {
    source.then(withStatus("processing", ""));

    CompletableFuture<Prediction> result = start(EXACT, withStatus("starting", ""), true);
    result.cancel(true);
    ticker.runAll();

    assertThat(source.gets).isZero();
    assertThat(source.cancels).containsExactly("p1");
  }

  @Test
  void stoppingTheLocalWaitDoesNotCancelRemotely() {
    source.then(withStatus("processing", ""));
    Waiter waiter = new Waiter(shared(() -> 0),
        "p1", p -> p.status().isTerminal(), EXACT, ticker.instant().plus(EXACT.deadline()),
        seen::add, new BarEndWindow(null));

    CompletableFuture<Prediction> result = waiter.start(withStatus("starting", ""), false);
    waiter.stop();
    ticker.runAll();

    assertThat(result).isNotDone();
    assertThat(source.gets).isZero();
    assertThat(source.cancels).isEmpty();
  }

  @Test
  void transientFailuresArePolledThrough() throws Exception {
    source.then(new ConnectionException("get prediction p1 failed: reset", null))
        .then(withStatus("succeeded", ""));

    assertThat(delaysToSuccess(start(EXACT, withStatus("starting", ""), false)))
        .containsExactly(100L, 200L);
  }

  @Test
  void aProgressBarPutsTheNextPollJustAfterItsExpectedEndWhenItsRateAgrees() throws Exception {
    // The 0% line at 0.05 s and this one at 1.05 s (printed 1 s into the bar, dated from the start)
    // show 10% a second: the end it implies, 10.05 s, is the end the line prints. Trusted: the poll
    // at 1.5 s jumps to just after it.
    assertThat(delaysWithABarOnTheFourthPoll(" 10%|#         | 5/50 [00:01<00:09, 5.00it/s]"))
        .containsExactly(100L, 200L, 400L, 800L, 8600L);
  }

  @Test
  void oneLinesPrintedEndAloneDoesNotPutAPollOffAndABarAt100PercentPollsTheTail()
      throws Exception {
    // Before: one line's printed end moved the poll 8 s on. Now one line is thin evidence (its ETA
    // may be constant or wrong): the schedule goes on. A bar at 100% while the prediction still
    // runs is a tail: the next poll comes after the first delay, not the doubled 400 ms.
    source.then(withStatus("processing", " 20%|##        | 10/50 [00:02<00:08, 5.00it/s]"))
        .then(withStatus("processing", "100%|##########| 50/50 [00:10<00:00, 5.00it/s]"))
        .then(withStatus("succeeded", "100%|##########| 50/50 [00:10<00:00, 5.00it/s]"));

    assertThat(delaysToSuccess(start(WITH_PROGRESS, withStatus("starting", ""), false)))
        .containsExactly(100L, 200L, 100L);
  }

  @Test
  void progressDelaysAreCappedAndCanBeTurnedOff() throws Exception {
    // 2% a second, agreed by the rate and the line: the end is 49 s away, the jump capped at 5 s.
    String slowLine = "  2%|          | 1/50 [00:01<00:49, 1.00it/s]";
    assertThat(delaysWithABarOnTheFourthPoll(slowLine,
        EXACT.toBuilder().maxProgressDelay(Duration.ofSeconds(5)).build()))
        .containsExactly(100L, 200L, 400L, 800L, 5000L);

    Prediction slow = withStatus("processing", "  2%|          | 1/50 [00:02<01:38, 0.50it/s]");
    ManualTicker fresh = new ManualTicker();
    ScriptedSource again = new ScriptedSource().then(withStatus("succeeded", ""));
    PollingPolicy off = EXACT.toBuilder().maxProgressDelay(Duration.ZERO).build();
    new Waiter(new Waiter.Shared(again, RetryPolicy.DEFAULT, fresh, fresh, () -> 0),
        "p1", p -> p.status().isTerminal(), off, fresh.instant().plus(off.deadline()),
        seen::add, new BarEndWindow(null)).start(slow, false);
    fresh.runAll();
    assertThat(fresh.delays()).extracting(Duration::toMillis).containsExactly(100L);
  }

  /** Five polls see no rate; the fifth, 2.5 s after the create was sent, a bar 2 s in with 8 s left. */
  private void barAppearsOnTheFifthPoll() {
    String noRate = "  0%|          | 0/50 [00:00<?, ?it/s]";
    for (int i = 0; i < 4; i++) {
      source.then(running(noRate));
    }
    source.then(running(noRate + "\n 20%|##        | 10/50 [00:02<00:08, 5.00it/s]"));
  }

  /** Processing since 50 ms after {@code created_at}, with these logs. */
  private static Prediction running(String logs) {
    return Prediction.parse(PredictionJson.prediction("p1").status("processing")
        .with("started_at", "2026-11-02T10:15:30.173Z").with("logs", logs).json());
  }

  private static final PollingPolicy WITH_PROGRESS =
      EXACT.toBuilder().maxProgressDelay(Duration.ofSeconds(30)).build();

  @Test
  void aBarIsDatedFromThePredictionsStartWhenThisProcessCreatedIt() throws Exception {
    barAppearsOnTheFifthPoll();
    source.then(withStatus("succeeded", ""));

    // Polls at 0.1, 0.3, 0.7, 1.5 and 2.5 s. The line says 2 s of a bar that cannot have started
    // before 0.05 s (started_at - created_at after the send): printed at 2.05 s at the earliest,
    // so the bar ends at 10.05 s and the next poll is at 10.1 s, not 8 s after the 2.5 s poll.
    assertThat(delaysToSuccess(startCreated(WITH_PROGRESS)))
        .containsExactly(100L, 200L, 400L, 800L, 1000L, 7600L);
  }

  @Test
  void onceTheEarliestEndPassesPollsComeAsInATail() throws Exception {
    barAppearsOnTheFifthPoll();
    source.then(running(" 20%|##        | 10/50 [00:02<00:08, 5.00it/s]"))
        .then(withStatus("succeeded", ""));

    // Still the same line at 10.1 s, past the earliest end (10 s): the end is due any moment (by
    // 10.5 s at the latest), so the next poll comes at the first delay, as in a tail.
    assertThat(delaysToSuccess(startCreated(WITH_PROGRESS)))
        .containsExactly(100L, 200L, 400L, 800L, 1000L, 7600L, 105L);
  }

  @Test
  void withoutTheCreateABarIsDatedFromThePollThatShowedIt() throws Exception {
    barAppearsOnTheFifthPoll();
    source.then(withStatus("succeeded", ""));

    // A resumed prediction: nothing places started_at on this clock, so the line counts as printed
    // when the 2.5 s poll saw it. Late, never early.
    assertThat(delaysToSuccess(start(WITH_PROGRESS, withStatus("starting", ""), false)))
        .containsExactly(100L, 200L, 400L, 800L, 1000L, 8050L);
  }

  @Test
  void anEndSoonerThanTheScheduledPollBringsThePollForward() throws Exception {
    // At 1.5 s the next scheduled poll is 1 s away, but the bar (printed at 0.05 + 1.4 s at the
    // earliest, 0.3 s left) ends at 1.75 s: the poll comes 300 ms later instead.
    assertThat(delaysWithABarOnTheFourthPoll(" 82%|########  | 14/17 [00:01<00:00, 10.00it/s]"))
        .containsExactly(100L, 200L, 400L, 800L, 300L);
  }

  @Test
  void aBarAboutToEndNeverPollsSoonerThanTheFirstDelay() throws Exception {
    // The bar ends 20 ms from now at the latest; 70 ms would be sooner than the first delay. Its
    // ends have passed by the time it is seen: a tail, polled after the first delay, grown by a
    // tenth of the 30 ms since the later end.
    assertThat(delaysWithABarOnTheFourthPoll(" 99%|##########| 140/142 [00:01<00:00, 100.00it/s]"))
        .containsExactly(100L, 200L, 400L, 800L, 103L);
  }

  /** Three polls without a rate, then {@code line} at 1.5 s, then success; the delays taken. */
  private List<Long> delaysWithABarOnTheFourthPoll(String line) throws Exception {
    return delaysWithABarOnTheFourthPoll(line, WITH_PROGRESS);
  }

  private List<Long> delaysWithABarOnTheFourthPoll(String line, PollingPolicy policy)
      throws Exception {
    String noRate = "  0%|          | 0/50 [00:00<?, ?it/s]";
    source.then(running(noRate)).then(running(noRate)).then(running(noRate))
        .then(running(line)).then(withStatus("succeeded", ""));

    return delaysToSuccess(startCreated(policy));
  }

  /** Runs the scripted wait to success; the delays it took between polls. */
  private List<Long> delaysToSuccess(CompletableFuture<Prediction> result) throws Exception {
    ticker.runAll();

    assertThat(result.get().status()).isEqualTo(PredictionStatus.SUCCEEDED);
    return ticker.delays().stream().map(Duration::toMillis).collect(Collectors.toList());
  }

  private CompletableFuture<Prediction> startCreated(PollingPolicy policy) {
    Waiter waiter = new Waiter(shared(() -> 0),
        "p1", p -> p.status().isTerminal(), policy, ticker.instant().plus(policy.deadline()),
        seen::add, new BarEndWindow(ticker.instant()));
    return waiter.start(withStatus("starting", ""), false);
  }

  @Test
  void aFieldThatCannotBeReadEndsTheWaitInsteadOfHangingIt() {
    source.then(Prediction.fromJson(JsonCodec.MAP.fromJsonValue(
        Map.of("id", "p1", "status", "processing", "logs", 7))));
    ChangeReporter reporter = new ChangeReporter();

    Waiter waiter = new Waiter(shared(() -> 0),
        "p1", p -> p.status().isTerminal(), EXACT, ticker.instant().plus(EXACT.deadline()),
        reporter::observe, new BarEndWindow(null));
    CompletableFuture<Prediction> result = waiter.start(withStatus("starting", ""), false);
    ticker.runAll();

    assertThatThrownBy(result::get).cause().isInstanceOf(ReplicateException.class)
        .hasMessageContaining("logs is not a string");
    assertThat(source.gets).isEqualTo(1);
  }

  @Test
  void aConditionThatThrowsEndsTheWaitWithItsException() {
    source.then(withStatus("processing", ""));
    IllegalStateException broken = new IllegalStateException("broken condition");

    Waiter waiter = new Waiter(shared(() -> 0),
        "p1", p -> {
          if (p.status() == PredictionStatus.PROCESSING) {
            throw broken;
          }
          return false;
        }, EXACT, ticker.instant().plus(EXACT.deadline()), seen::add, new BarEndWindow(null));
    CompletableFuture<Prediction> result = waiter.start(withStatus("starting", ""), false);
    ticker.runAll();

    assertThatThrownBy(result::get).cause().isSameAs(broken);
  }

  private CompletableFuture<Prediction> start(PollingPolicy policy, Prediction initial,
      boolean cancelRemoteOnAbandon) {
    Waiter waiter = new Waiter(shared(() -> 0),
        "p1", p -> p.status().isTerminal(), policy, ticker.instant().plus(policy.deadline()),
        seen::add, new BarEndWindow(null));
    return waiter.start(initial, cancelRemoteOnAbandon);
  }

  /** What the waits under test share: the scripted source and the manual ticker and clock. */
  private Waiter.Shared shared(java.util.function.DoubleSupplier random) {
    return new Waiter.Shared(source, RetryPolicy.DEFAULT, ticker, ticker, random);
  }
}
