package dev.replicate4j.benchmarks;

import dev.replicate4j.PollingPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The waiting measurement: jobs of 1 s, 5 s and 20 s on stubs that honour or ignore
 * {@code Prefer: wait}, run to the end with the SDK's default policy and with a fixed 0.5 s
 * poller (what the official clients do). Reports requests per prediction, from the stubs'
 * journals, and the detection delay: from the prediction's {@code completed_at} (set by the stub
 * when it marks the prediction done) to {@code run} returning.
 */
final class WaitingHarness {
  static final int STUBS_PER_JOB = 10;
  static final Duration STAGGER = Duration.ofMillis(50);
  static final List<Duration> JOBS =
      List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(20));
  /** The official clients' wait: a GET every 0.5 s, no sync mode, no backoff, no progress. */
  static final PollingPolicy FIXED_HALF_SECOND = PollingPolicy.builder()
      .initialDelay(Duration.ofMillis(500)).maxDelay(Duration.ofMillis(500)).multiplier(1)
      .jitter(0).maxProgressDelay(Duration.ZERO).build();
  static final double HONOURED_MEDIAN_GOAL_MS = 50;
  static final double IGNORED_P95_GOAL_MS = 1000;
  private static final String DETAIL = "Waiting: requests per prediction and detection delay";
  private static final String DEFAULT = "SDK default";
  private static final String FIXED = "fixed 0.5 s";

  private final RunSettings settings;

  WaitingHarness(RunSettings settings) {
    this.settings = settings;
  }

  void run(ResultTable table) throws Exception {
    // Untimed: the first predictions of a JVM pay for class loading and JIT compilation.
    new WaitingBatch(true, PollingPolicy.DEFAULT, 1).run(List.of(Duration.ofSeconds(1)));
    new WaitingBatch(false, PollingPolicy.DEFAULT, 1).run(List.of(Duration.ofSeconds(1)));
    Map<String, Map<Duration, Stats[]>> cells = new LinkedHashMap<>();
    for (boolean honoured : new boolean[] {true, false}) {
      for (String policyName : List.of(DEFAULT, FIXED)) {
        PollingPolicy policy = policyName.equals(DEFAULT) ? PollingPolicy.DEFAULT
            : FIXED_HALF_SECOND;
        long start = System.nanoTime();
        Map<Duration, List<WaitingBatch.Sample>> samples =
            new WaitingBatch(honoured, policy, settings.waitingPredictionsPerStub()).run(JOBS);
        System.out.printf("waiting: Prefer: wait %s, %s policy: done in %.1f s%n",
            honoured ? "honoured" : "ignored", policyName, (System.nanoTime() - start) / 1e9);
        Map<Duration, Stats[]> byJob = new LinkedHashMap<>();
        samples.forEach((job, list) -> byJob.put(job, summarise(list)));
        cells.put(key(honoured, policyName), byJob);
      }
    }
    report(table, cells);
  }

  /** Requests and delays of a sample, in that order. */
  static Stats[] summarise(List<WaitingBatch.Sample> samples) {
    List<Integer> requests = new ArrayList<>();
    List<Double> delays = new ArrayList<>();
    for (WaitingBatch.Sample s : samples) {
      requests.add(s.requests);
      delays.add(s.delayMillis);
    }
    return new Stats[] {new Stats(requests), new Stats(delays)};
  }

  private static void report(ResultTable table, Map<String, Map<Duration, Stats[]>> cells) {
    table.detailHeader(DETAIL, "Job", "Prefer: wait", "Policy", "Predictions",
        "Requests (mean / max)", "Delay median", "Delay p95", "Delay max");
    cells.forEach((key, byJob) -> byJob.forEach((job, stats) -> table.detailRow(DETAIL,
        job.toSeconds() + " s", key.split("\\|")[0], key.split("\\|")[1],
        String.valueOf(stats[0].count()),
        Stats.format(stats[0].mean(), 2) + " / " + Stats.format(stats[0].max(), 0),
        ms(stats[1].median()), ms(stats[1].p95()), ms(stats[1].max()))));
    for (Duration job : JOBS) {
      Stats[] sdk = cells.get(key(true, DEFAULT)).get(job);
      boolean met = sdk[0].max() == 1 && sdk[1].median() < HONOURED_MEDIAN_GOAL_MS;
      table.goal("Waiting", job.toSeconds() + " s job, `Prefer: wait` honoured, default policy",
          Stats.format(sdk[0].mean(), 2) + " requests (max " + Stats.format(sdk[0].max(), 0)
              + "), delay median " + ms(sdk[1].median()) + ", p95 " + ms(sdk[1].p95()),
          "1 request, median < " + ms(HONOURED_MEDIAN_GOAL_MS), met);
    }
    for (Duration job : JOBS) {
      Stats[] sdk = cells.get(key(false, DEFAULT)).get(job);
      Stats[] fixed = cells.get(key(false, FIXED)).get(job);
      String what = job.toSeconds() + " s job, `Prefer: wait` ignored, default vs fixed 0.5 s";
      String measured = Stats.format(sdk[0].mean(), 2) + " vs " + Stats.format(fixed[0].mean(), 2)
          + " requests (" + Stats.format(sdk[0].mean() / fixed[0].mean(), 3) + "x); delay p95 "
          + ms(sdk[1].p95()) + " vs " + ms(fixed[1].p95()) + ", median " + ms(sdk[1].median())
          + " vs " + ms(fixed[1].median());
      if (job.compareTo(Duration.ofSeconds(5)) < 0) {
        table.info("Waiting", what, measured);
      } else {
        boolean met = sdk[0].mean() <= fixed[0].mean() / 2 && sdk[1].p95() < IGNORED_P95_GOAL_MS;
        table.goal("Waiting", what, measured, "<= 0.5x the requests, p95 < 1 s", met);
      }
    }
  }

  private static String key(boolean honoured, String policy) {
    return (honoured ? "honoured" : "ignored") + "|" + policy;
  }

  static String ms(double millis) {
    return Stats.format(millis, millis < 10 ? 1 : 0) + " ms";
  }
}
