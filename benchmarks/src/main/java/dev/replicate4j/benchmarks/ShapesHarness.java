package dev.replicate4j.benchmarks;

import dev.replicate4j.PollingPolicy;
import dev.replicate4j.stub.LogShape;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Waiting on logs of every {@link LogShape}, {@code Prefer: wait} ignored: jobs of 3, 5 and 20 s,
 * the SDK's default policy against the fixed 0.5 s poller. Goals per shape: delay p95 at most
 * 300 ms and at most the fixed poller's; requests at most 0.5x the fixed poller's on jobs of 5 s
 * or more where a bar is present, at most 1.0x where none is.
 */
final class ShapesHarness {
  static final List<Duration> JOBS =
      List.of(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(20));
  /**
   * Shapes run a few at a time (all at once would put 540 waits and 270 stubs on two cores);
   * {@code MANY_BARS} alone, as its 1 MiB polls loaded the machine enough to slow the other shapes'
   * polls by seconds, the fixed poller's included.
   */
  private static final List<List<LogShape>> BATCHES = List.of(
      List.of(LogShape.HONEST, LogShape.CONSTANT_ETA, LogShape.TWO_BARS),
      List.of(LogShape.RESTART, LogShape.STALL_AT_99, LogShape.TAIL_AFTER_100),
      List.of(LogShape.RATE_ONLY, LogShape.NO_BAR),
      List.of(LogShape.MANY_BARS));
  /** No percentage, so no end to estimate: the requests goal is the fixed poller's. */
  static final Set<LogShape> WITHOUT_BAR = EnumSet.of(LogShape.RATE_ONLY, LogShape.NO_BAR);
  static final double P95_GOAL_MS = 300;
  private static final String DETAIL = "Waiting on each log shape, `Prefer: wait` ignored";

  private final RunSettings settings;

  ShapesHarness(RunSettings settings) {
    this.settings = settings;
  }

  void run(ResultTable table) throws Exception {
    Map<PollingPolicy, Map<LogShape, Map<Duration, List<WaitingBatch.Sample>>>> all =
        new LinkedHashMap<>();
    for (PollingPolicy policy : List.of(PollingPolicy.DEFAULT, WaitingHarness.FIXED_HALF_SECOND)) {
      Map<LogShape, Map<Duration, List<WaitingBatch.Sample>>> byShape = new LinkedHashMap<>();
      for (List<LogShape> group : BATCHES) {
        long start = System.nanoTime();
        byShape.putAll(new WaitingBatch(false, policy, settings.shapePredictionsPerStub())
            .run(JOBS, group));
        System.out.printf("shapes: %s, %s policy: done in %.1f s%n", group,
            policy == PollingPolicy.DEFAULT ? "default" : "fixed", (System.nanoTime() - start) / 1e9);
      }
      all.put(policy, byShape);
    }
    report(table, all.get(PollingPolicy.DEFAULT), all.get(WaitingHarness.FIXED_HALF_SECOND));
  }

  private static void report(ResultTable table,
      Map<LogShape, Map<Duration, List<WaitingBatch.Sample>>> sdk,
      Map<LogShape, Map<Duration, List<WaitingBatch.Sample>>> fixed) {
    table.detailHeader(DETAIL, "Shape", "Job", "Requests SDK / fixed (ratio)",
        "Delay SDK median / p95 / max", "Delay fixed median / p95 / max", "Goals", "Met?");
    List<String> missed = new ArrayList<>();
    int cells = 0;
    for (LogShape shape : LogShape.values()) {
      for (Duration job : JOBS) {
        Stats[] s = WaitingHarness.summarise(sdk.get(shape).get(job));
        Stats[] f = WaitingHarness.summarise(fixed.get(shape).get(job));
        double ratio = s[0].mean() / f[0].mean();
        boolean delayMet = s[1].p95() <= P95_GOAL_MS && s[1].p95() <= f[1].p95();
        String goals = "p95 <= 300 ms and <= fixed";
        boolean requestsMet = true;
        if (job.compareTo(Duration.ofSeconds(5)) >= 0) {
          double most = WITHOUT_BAR.contains(shape) ? 1.0 : 0.5;
          requestsMet = ratio <= most;
          goals += "; requests <= " + Stats.format(most, 1) + "x";
        }
        boolean met = delayMet && requestsMet;
        cells++;
        if (!met) {
          missed.add(shape.name().toLowerCase() + " " + job.toSeconds() + " s"
              + (delayMet ? "" : " (p95 " + WaitingHarness.ms(s[1].p95()) + ")")
              + (requestsMet ? "" : " (" + Stats.format(ratio, 2) + "x)"));
        }
        table.detailRow(DETAIL, shape.name().toLowerCase(), job.toSeconds() + " s",
            Stats.format(s[0].mean(), 2) + " / " + Stats.format(f[0].mean(), 2) + " ("
                + Stats.format(ratio, 2) + "x)",
            WaitingHarness.ms(s[1].median()) + " / " + WaitingHarness.ms(s[1].p95()) + " / "
                + WaitingHarness.ms(s[1].max()),
            WaitingHarness.ms(f[1].median()) + " / " + WaitingHarness.ms(f[1].p95()) + " / "
                + WaitingHarness.ms(f[1].max()),
            goals, met ? "met" : "**missed**");
      }
    }
    table.goal("Waiting", "every log shape x 3, 5, 20 s jobs, `Prefer: wait` ignored, default vs "
            + "fixed 0.5 s", (cells - missed.size()) + " of " + cells + " cells meet their goals"
            + (missed.isEmpty() ? "" : "; missed: " + String.join(", ", missed)),
        "p95 <= 300 ms and <= fixed; requests <= 0.5x (bar) / 1.0x (no bar) on jobs >= 5 s",
        missed.isEmpty());
  }
}
