package dev.replicate4j.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs the JMH parts (overhead, parsing) in forked JVMs and puts their scores in the table. */
final class JmhSuite {
  static final double OVERHEAD_GOAL = 1.10;

  private final RunSettings settings;

  JmhSuite(RunSettings settings) {
    this.settings = settings;
  }

  void run(ResultTable table) throws RunnerException, IOException {
    if (settings.runs("overhead")) {
      overhead(table);
    }
    if (settings.runs("parsing")) {
      parsing(table);
    }
  }

  private void overhead(ResultTable table) throws RunnerException, IOException {
    OverheadBenchmark.checkSameJson();
    RunResult result = run(false, settings.overheadIterations(), OverheadBenchmark.class)
        .iterator().next();
    List<Double> sdkMicros = new ArrayList<>();
    List<Double> rawMicros = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    double sdkTotal = 0;
    double rawTotal = 0;
    for (BenchmarkResult fork : result.getBenchmarkResults()) {
      for (IterationResult iteration : fork.getIterationResults()) {
        var counters = iteration.getSecondaryResults(); // JMH declares the raw Result type
        double sdk = counters.get("sdkNanos").getScore();
        double raw = counters.get("rawNanos").getScore();
        double pairs = counters.get("pairs").getScore();
        sdkMicros.add(sdk / pairs / 1000);
        rawMicros.add(raw / pairs / 1000);
        ratios.add(sdk / raw);
        sdkTotal += sdk;
        rawTotal += raw;
      }
    }
    double ratio = sdkTotal / rawTotal;
    Stats perIteration = new Stats(ratios);
    Stats sdk = new Stats(sdkMicros);
    Stats raw = new Stats(rawMicros);
    String title = "Overhead: create + get over loopback, interleaved (JMH, "
        + perIteration.count() + " iterations)";
    table.detailHeader(title, "Client", "Mean per create + get", "Iteration means (min - max)");
    table.detailRow(title, "SDK (`create` + `get`)", Stats.format(sdk.mean(), 1) + " µs",
        Stats.format(sdk.min(), 1) + " - " + Stats.format(sdk.max(), 1) + " µs");
    table.detailRow(title, "hand-written OkHttp + Moshi", Stats.format(raw.mean(), 1) + " µs",
        Stats.format(raw.min(), 1) + " - " + Stats.format(raw.max(), 1) + " µs");
    table.detailRow(title, "ratio SDK / raw", "**" + Stats.format(ratio, 3) + "x**",
        Stats.format(perIteration.min(), 3) + " - " + Stats.format(perIteration.max(), 3)
            + " (median " + Stats.format(perIteration.median(), 3) + ")");
    table.goal("Overhead", "create + get over loopback, SDK vs hand-written OkHttp + Moshi",
        Stats.format(sdk.mean(), 1) + " µs vs " + Stats.format(raw.mean(), 1) + " µs = **"
            + Stats.format(ratio, 3) + "x** (iterations " + Stats.format(perIteration.min(), 2)
            + " - " + Stats.format(perIteration.max(), 2) + ")",
        "<= " + Stats.format(OVERHEAD_GOAL, 2) + "x", ratio <= OVERHEAD_GOAL);
  }

  private void parsing(ResultTable table) throws RunnerException {
    Map<String, Score> scores = new HashMap<>();
    for (RunResult result : run(true, settings.jmhMeasurementIterations(), ParsingBenchmark.class,
        PollBenchmark.class)) {
      String name = result.getParams().getBenchmark();
      Result<?> primary = result.getPrimaryResult();
      var secondary = result.getSecondaryResults(); // JMH declares the raw Result type
      double allocated = Double.NaN;
      if (secondary.containsKey("clientBytes")) {
        // Counted on the calling thread: the in-process server's allocations are not the client's.
        allocated = secondary.get("clientBytes").getScore() / secondary.get("polls").getScore();
      } else {
        for (String key : secondary.keySet()) {
          if (key.endsWith("gc.alloc.rate.norm")) {
            allocated = secondary.get(key).getScore();
          }
        }
      }
      scores.put(name.substring(name.lastIndexOf('.') + 1),
          new Score(primary.getScore(), primary.getScoreError(), allocated));
    }
    String title = "Parsing: a prediction with 1 MiB of logs and 100 outputs (JMH)";
    table.detailHeader(title, "Benchmark", "Time", "Allocated");
    String[][] rows = {
        {"sdkPrediction", "`Prediction.parse` (SDK)"},
        {"sdkTypedOutput", "`Prediction.parse` + typed output (SDK)"},
        {"moshiMap", "plain Moshi into a `Map` (baseline)"},
        {"refresh", "one poll: `handle.refresh()` over loopback (GET, parse, listeners' pass"
            + " over the logs; calling thread's allocation)"}};
    for (String[] row : rows) {
      Score s = scores.get(row[0]);
      table.detailRow(title, row[1], s.describe(), Stats.format(s.allocatedBytes / 1e6, 2) + " MB");
    }
    Score sdk = scores.get("sdkTypedOutput");
    Score baseline = scores.get("moshiMap");
    Score poll = scores.get("refresh");
    table.info("Parsing", "1 MiB logs + 100 outputs: parse + typed output (baseline: plain Moshi map)",
        sdk.describe() + ", " + Stats.format(sdk.allocatedBytes / 1e6, 1) + " MB allocated ("
            + "baseline " + baseline.describe() + ", "
            + Stats.format(baseline.allocatedBytes / 1e6, 1) + " MB)");
    table.info("Parsing", "the same prediction, one whole poll over loopback (`handle.refresh()`)",
        poll.describe() + ", " + Stats.format(poll.allocatedBytes / 1e6, 1) + " MB allocated");
  }

  private Collection<RunResult> run(boolean gcProfiler, int iterations, Class<?>... benchmarks)
      throws RunnerException {
    ChainedOptionsBuilder options = new OptionsBuilder();
    for (Class<?> benchmark : benchmarks) {
      options.include("^" + Pattern.quote(benchmark.getName()) + "\\.");
    }
    options
        .forks(settings.jmhForks())
        .warmupIterations(settings.jmhWarmupIterations())
        .warmupTime(TimeValue.seconds(settings.jmhWarmupSeconds()))
        .measurementIterations(iterations)
        .measurementTime(TimeValue.seconds(settings.jmhIterationSeconds()))
        .shouldFailOnError(true);
    if (gcProfiler) {
      options.addProfiler(GCProfiler.class);
    }
    return new Runner(options.build()).run();
  }

  /** One benchmark's score (ms per operation) with its 99.9% error, and bytes allocated per op. */
  private static final class Score {
    final double millis;
    final double error;
    final double allocatedBytes;

    Score(double millis, double error, double allocatedBytes) {
      this.millis = millis;
      this.error = Double.isNaN(error) ? 0 : error;
      this.allocatedBytes = allocatedBytes;
    }

    String describe() {
      return Stats.format(millis, 2) + " ± " + Stats.format(error, 2) + " ms";
    }
  }
}
