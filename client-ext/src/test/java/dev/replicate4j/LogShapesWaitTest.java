package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The polls the default policy plans for each shape of real logs, on a virtual clock: a 5 s job
 * (0.5 s starting, 4.5 s processing, 50 steps) whose logs grow as a model would print them. Each
 * test shows the poll times (seconds after the create was sent) and how long after the end the
 * last one came.
 */
class LogShapesWaitTest {
  private static final double STARTING = 0.5;
  private static final double PROCESSING = 4.5;
  private static final double END = STARTING + PROCESSING;
  private static final PollingPolicy NO_JITTER = PollingPolicy.DEFAULT.toBuilder().jitter(0).build();
  private final ManualTicker ticker = new ManualTicker();
  private final Instant sent = ticker.instant();

  @Test
  void honestBar() throws Exception {
    // The 0% and the 20% lines agree with the line's printed end: one jump to just after it.
    assertThat(pollTimes(bar(50, 0, PROCESSING, 5, false)))
        .containsExactly(0.25, 0.75, 1.75, 5.05);
  }

  @Test
  void constantWrongEta() throws Exception {
    // "[00:01<00:02]" on every line while the percentage advances: a bar whose clock stands still
    // prints made-up times, so only the observed rate counts, and it never earns a jump; it brings
    // polls forward to about the real end (5 s) instead of 2 s after each line.
    assertThat(pollTimes(bar(50, 0, PROCESSING, 5, true)))
        .containsExactly(0.25, 0.75, 1.75, 3.75, 4.133, 4.55, 4.805, 5.085);
  }

  @Test
  void twoBarsInSequence() throws Exception {
    List<double[]> events = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    add(events, texts, bar(50, 0, PROCESSING * 0.6, 5, false));
    add(events, texts, bar(10, PROCESSING * 0.6, PROCESSING * 0.4, 4, false));
    Shape shape = new Shape(events, texts);
    // The base model's bar is trusted up to its end at 3.2 s; the refiner's bar (another total)
    // starts the estimate over, and the schedule restarts from 250 ms until it agrees with itself.
    assertThat(pollTimes(shape)).containsExactly(0.25, 0.75, 1.75, 3.25, 3.5, 4.0, 5.0);
  }

  @Test
  void barThatRestarts() throws Exception {
    List<double[]> events = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    // A first attempt runs at the pace of a 2.25 s bar to 40%, then starts again at 1.625 s and
    // takes 3.375 s: its 0% line drops the first attempt's end (2.75 s); its 60% line's rate
    // and printed end disagree (the line is dated up to 2 s early), so polls only come sooner; past
    // the earliest end they come as in a tail.
    add(events, texts, bar(50, 0, PROCESSING * 0.5, 5, false).until(PROCESSING * 0.2 + 0.001));
    add(events, texts, bar(50, PROCESSING * 0.25, PROCESSING * 0.75, 5, false));
    assertThat(pollTimes(new Shape(events, texts)))
        .containsExactly(0.25, 0.75, 1.75, 3.75, 4.0, 4.262, 4.55, 4.987, 5.242);
  }

  @Test
  void stallAt98Percent() throws Exception {
    List<double[]> events = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    // A line per step up to 49/50 at 60% of the processing time, then nothing until the end: past
    // the agreed end the polls come as in a tail, from 250 ms and growing slowly, not backing off.
    add(events, texts, bar(50, 0, PROCESSING * 0.6 * 50 / 49, 50, false)
        .until(PROCESSING * 0.6 + 0.001));
    events.add(new double[] {END});
    texts.add(line(50, 50, PROCESSING, false));
    assertThat(pollTimes(new Shape(events, texts)))
        .containsExactly(0.25, 0.75, 1.75, 3.305, 3.56, 3.84, 4.148, 4.487, 4.86, 5.27);
  }

  @Test
  void tailAfter100Percent() throws Exception {
    List<double[]> events = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    add(events, texts, bar(50, 0, PROCESSING * 0.75, 5, false));
    events.add(new double[] {END});
    texts.add("Saving and uploading done");
    // 100% at 3.875 s while the prediction runs: short polls from there, not a 2 s back-off.
    assertThat(pollTimes(new Shape(events, texts)))
        .containsExactly(0.25, 0.75, 1.75, 3.926, 4.181, 4.461, 4.769, 5.108);
  }

  @Test
  void rateOnlyWithoutATotal() throws Exception {
    List<double[]> events = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int k = 0; k <= 5; k++) {
      events.add(new double[] {STARTING + PROCESSING * k / 5});
      texts.add(String.format(Locale.ROOT, "%dit [00:0%d, 11.11it/s]", k * 10, k));
    }
    // No percentage, no total: no bar to read, the plain schedule.
    assertThat(pollTimes(new Shape(events, texts))).containsExactly(0.25, 0.75, 1.75, 3.75, 5.75);
  }

  @Test
  void noBar() throws Exception {
    Shape shape = new Shape(List.of(new double[] {STARTING}, new double[] {END}),
        List.of("Generating", "Done"));
    assertThat(pollTimes(shape)).containsExactly(0.25, 0.75, 1.75, 3.75, 5.75);
  }

  @Test
  void manyBarsInAMebibyteOfLogs() throws Exception {
    List<double[]> events = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    StringBuilder downloads = new StringBuilder();
    for (int file = 0; downloads.length() < (1 << 20); file++) {
      for (int k = 0; k <= 20; k++) {
        downloads.append(line(k, 20, k * 0.01, false)).append('\r');
      }
      downloads.append("downloaded weights part ").append(file).append('\n');
    }
    events.add(new double[] {STARTING});
    texts.add(downloads.toString());
    add(events, texts, bar(50, 0, PROCESSING, 5, false));
    // The downloads' bars are finished ones of another total: the model's own bar starts over.
    assertThat(pollTimes(new Shape(events, texts))).containsExactly(0.25, 0.75, 1.75, 5.05);
  }

  @Test
  void barPrintingItsPlannedTimesWhileRunningLate() throws Exception {
    // What a stub behind its schedule plays on many_bars: the lines print the planned times of a
    // 4.5 s bar but come later. 1.5x late (the end at 7.25 s): the 40% line's rate and printed end
    // agree on 5 s, the jump lands there, and the tail's polls find the end 249 ms after it.
    assertThat(pollTimes(late(1.5), STARTING + PROCESSING * 1.5)).containsExactly(
        0.25, 0.75, 1.75, 3.75, 5.05, 5.6, 5.855, 6.135, 6.385, 6.805, 7.244, 7.499);
    // 3x late (the end at 14 s): every line claims an end that passes before the next one, the
    // observed rate says later, and between lines the polls stretch to the schedule's 2 s; the
    // last line (80% at 11.3 s) starts a tail that finds the end 168 ms after it.
    // (A fresh test for a fresh virtual clock.)
    assertThat(new LogShapesWaitTest().pollTimes(late(3), STARTING + PROCESSING * 3))
        .containsExactly(0.25, 0.75, 1.75, 3.75, 5.4, 6.8, 8.15, 10.15, 12.15, 12.613, 12.868,
            13.148, 13.456, 13.795, 14.168);
  }

  /** The honest bar's lines, printed {@code factor} times later than the times they print. */
  private static Shape late(double factor) {
    Shape planned = bar(50, 0, PROCESSING, 5, false);
    List<double[]> events = new ArrayList<>();
    for (double[] e : planned.events()) {
      events.add(new double[] {STARTING + (e[0] - STARTING) * factor});
    }
    return new Shape(events, planned.texts());
  }

  /** What the logs hold when: texts printed at {@code events[i][0]} seconds after the send. */
  private record Shape(List<double[]> events, List<String> texts) {
    /** Only what was printed before {@code seconds} into processing. */
    Shape until(double seconds) {
      List<double[]> e = new ArrayList<>();
      List<String> t = new ArrayList<>();
      for (int i = 0; i < events.size(); i++) {
        if (events.get(i)[0] < STARTING + seconds) {
          e.add(events.get(i));
          t.add(texts.get(i));
        }
      }
      return new Shape(e, t);
    }

    String logs(double at) {
      StringBuilder logs = new StringBuilder();
      for (int i = 0; i < events.size(); i++) {
        if (events.get(i)[0] <= at) {
          logs.append(texts.get(i)).append('\n');
        }
      }
      return logs.toString();
    }
  }

  private static void add(List<double[]> events, List<String> texts, Shape shape) {
    events.addAll(shape.events());
    texts.addAll(shape.texts());
  }

  /**
   * A bar of {@code total} steps from {@code from} to {@code from + length} seconds into
   * processing, printed {@code lines} + 1 times at even steps.
   */
  private static Shape bar(long total, double from, double length, int lines, boolean wrongEta) {
    List<double[]> events = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int k = 0; k <= lines; k++) {
      events.add(new double[] {STARTING + from + length * k / lines});
      texts.add(line(total * k / lines, total, length * k / lines, wrongEta));
    }
    return new Shape(events, texts);
  }

  /** A tqdm line; with {@code wrongEta}, {@code [00:01<00:02]} whatever the progress. */
  private static String line(long n, long total, double elapsed, boolean wrongEta) {
    String times = wrongEta ? "00:01<00:02" : n == 0 ? "00:00<?, ?it/s"
        : String.format(Locale.ROOT, "00:%02d<00:%02d, %.2fit/s", (long) elapsed,
            (long) ((total - n) * elapsed / n), n / elapsed);
    return String.format(Locale.ROOT, "%3d%%|##########| %d/%d [%s]", 100 * n / total, n, total,
        times);
  }

  /** Waits for the shape's prediction with the default policy; the poll times, in seconds. */
  private List<Double> pollTimes(Shape shape) throws Exception {
    return pollTimes(shape, END);
  }

  /** As {@link #pollTimes(Shape)}, for a prediction that ends {@code end} s after the send. */
  private List<Double> pollTimes(Shape shape, double end) throws Exception {
    List<Double> polls = new ArrayList<>();
    Waiter.Source source = new Waiter.Source() {
      @Override
      public CompletableFuture<Prediction> get(String id, Duration timeout) {
        double at = Duration.between(sent, ticker.instant()).toNanos() / 1e9;
        polls.add(Math.round(at * 1000) / 1000.0);
        String status = at >= end ? "succeeded" : at >= STARTING ? "processing" : "starting";
        PredictionJson json = PredictionJson.prediction("p1").status(status)
            .with("logs", shape.logs(at));
        if (at >= STARTING) {
          json.with("started_at", "2026-11-02T10:15:30.623Z");
        }
        return CompletableFuture.completedFuture(Prediction.parse(json.json()));
      }

      @Override
      public CompletableFuture<Prediction> cancel(String id) {
        throw new AssertionError("no cancel expected");
      }
    };
    Waiter waiter = new Waiter(new Waiter.Shared(source, RetryPolicy.DEFAULT, ticker, ticker, () -> 0),
        "p1", p -> p.status().isTerminal(), NO_JITTER, sent.plus(NO_JITTER.deadline()),
        p -> { }, new BarEndWindow(sent));
    CompletableFuture<Prediction> result = waiter.start(
        Prediction.parse(PredictionJson.prediction("p1").json()), false);
    ticker.runAll();
    assertThat(result.get().status()).isEqualTo(PredictionStatus.SUCCEEDED);
    return polls;
  }
}
