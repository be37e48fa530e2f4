package dev.replicate4j.benchmarks;

import dev.replicate4j.stub.Journal;
import dev.replicate4j.stub.RecordedCall;
import dev.replicate4j.stub.RequestKind;
import dev.replicate4j.stub.Schedule;
import dev.replicate4j.stub.StubRelay;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The scale measurement: 1,000 predictions of 2 s each in flight at once through
 * {@code runAsync}. The stub runs here; the client runs in a child JVM ({@link ScaleClient}) so
 * that the threads and heap it reports are the SDK's alone. Round 1 runs on a cold JVM (client and
 * stub), later rounds on warm ones; the wall-time goal is judged on the median warm round.
 */
final class ScaleHarness {
  static final int PREDICTIONS = 1000;
  static final Schedule TWO_SECONDS = Schedule.of(Duration.ofMillis(200), Duration.ofMillis(1800));
  static final long WALL_GOAL_MS = 4000;
  static final int THREADS_GOAL = 32;
  static final long HEAP_GOAL_BYTES = 256L << 20;
  private static final String DETAIL = "Scale: 1,000 predictions of 2 s at once through runAsync";

  private final RunSettings settings;

  ScaleHarness(RunSettings settings) {
    this.settings = settings;
  }

  void run(ResultTable table) throws IOException, InterruptedException {
    List<Map<String, String>> rounds = new ArrayList<>();
    Map<String, String> resources = runClient(settings.scaleRounds(), rounds);
    table.detailHeader(DETAIL, "Round", "Wall", "Requests per prediction", "Creates arrived within",
        "Last request at", "Failures");
    for (Map<String, String> r : rounds) {
      table.detailRow(DETAIL, r.get("round") + (r.get("round").equals("1") ? " (cold JVM)" : ""),
          r.get("wall_ms") + " ms", r.get("requests"), r.get("creates_within_ms") + " ms",
          r.get("last_request_ms") + " ms", r.get("failures"));
    }
    long coldWall = Long.parseLong(rounds.get(0).get("wall_ms"));
    List<Long> warmWalls = new ArrayList<>();
    long failures = 0;
    for (Map<String, String> r : rounds) {
      failures += Long.parseLong(r.get("failures"));
      if (!r.get("round").equals("1")) {
        warmWalls.add(Long.parseLong(r.get("wall_ms")));
      }
    }
    Stats warm = new Stats(warmWalls);
    int peakThreads = Integer.parseInt(resources.get("peak_threads"));
    int sdkThreads = Integer.parseInt(resources.get("peak_sdk_threads"));
    long heapUsed = Long.parseLong(resources.get("peak_heap_used"));
    long heapLive = Long.parseLong(resources.get("peak_heap_after_gc"));
    table.goal("Scale", "1,000 x 2 s predictions via `runAsync`: wall time",
        Stats.format(warm.median(), 0) + " ms (median of " + warm.count() + " warm rounds, worst "
            + Stats.format(warm.max(), 0) + " ms; cold JVM " + coldWall + " ms), " + failures
            + " failed",
        "< " + WALL_GOAL_MS + " ms", warm.median() < WALL_GOAL_MS && failures == 0);
    table.goal("Scale", "peak live threads in the client JVM",
        sdkThreads + " started by the SDK (" + resources.get("sdk_threads_by_kind").replace(";", ", ").replace('_', ' ')
            + "); " + peakThreads + " in the whole JVM with its own " + resources.get(
                "baseline_threads") + " and the sampler",
        "<= " + THREADS_GOAL, peakThreads <= THREADS_GOAL);
    table.goal("Scale", "peak heap in the client JVM",
        mb(heapLive) + " left after GC at most (" + resources.get("collections") + " GCs); "
            + mb(heapUsed) + " in use at most, garbage included (sampled every 5 ms, default max"
            + " heap " + resources.get("max_heap_mb") + " MB, so G1 collects lazily)",
        "< " + (HEAP_GOAL_BYTES >> 20) + " MB", heapLive >= 0 && heapLive < HEAP_GOAL_BYTES);
  }

  /** Runs the child through all rounds; fills {@code rounds} and returns its resource peaks. */
  private Map<String, String> runClient(int roundCount, List<Map<String, String>> rounds)
      throws IOException, InterruptedException {
    try (StubRelay stub = StubRelay.builder().schedule(TWO_SECONDS).build().start()) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          ScaleClient.class.getName(), stub.baseUrl(), stub.apiKey(), String.valueOf(PREDICTIONS),
          String.valueOf(roundCount))
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      Map<String, String> resources = null;
      try (BufferedReader out = new BufferedReader(
              new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
          Writer in = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (line.startsWith(ScaleClient.ROUND + " ")) {
            Map<String, String> round = parse(line);
            round.putAll(journalStats(stub, rounds.size()));
            rounds.add(round);
            System.out.println("scale: " + round);
            stub.journal().clear();
            in.write(ScaleClient.NEXT + "\n");
            in.flush();
          } else if (line.startsWith(ScaleClient.RESOURCES + " ")) {
            resources = parse(line);
            System.out.println("scale: " + resources);
          } else {
            System.out.println("scale client: " + line);
          }
        }
      }
      if (!child.waitFor(30, TimeUnit.SECONDS)) {
        child.destroyForcibly();
        throw new IllegalStateException("The scale client did not exit");
      }
      if (child.exitValue() != 0 || resources == null || rounds.size() != roundCount) {
        throw new IllegalStateException("The scale client failed (exit " + child.exitValue()
            + ", " + rounds.size() + " of " + roundCount + " rounds reported)");
      }
      return resources;
    }
  }

  /** What the stub saw in one round; checks every prediction was created exactly once. */
  private static Map<String, String> journalStats(StubRelay stub, int roundsBefore) {
    Journal journal = stub.journal();
    List<RecordedCall> calls = journal.requests();
    List<RecordedCall> creates = journal.creates();
    int expected = (roundsBefore + 1) * PREDICTIONS;
    if (creates.size() != PREDICTIONS || stub.predictionsCreated() != expected) {
      throw new IllegalStateException("The stub saw " + creates.size() + " creates ("
          + stub.predictionsCreated() + " predictions in all); expected " + PREDICTIONS
          + " this round");
    }
    Map<String, String> stats = new HashMap<>();
    int gets = journal.count(RequestKind.GET);
    stats.put("requests", Stats.format((double) calls.size() / PREDICTIONS, 2) + " ("
        + creates.size() + " creates, " + gets + " gets)");
    stats.put("creates_within_ms", String.valueOf(Duration.between(calls.get(0).arrivedAt(),
        creates.get(creates.size() - 1).arrivedAt()).toMillis()));
    stats.put("last_request_ms", String.valueOf(Duration.between(calls.get(0).arrivedAt(),
        calls.get(calls.size() - 1).arrivedAt()).toMillis()));
    return stats;
  }

  private static Map<String, String> parse(String line) {
    Map<String, String> result = new HashMap<>();
    String[] pairs = line.split(" ");
    for (int i = 1; i < pairs.length; i++) {
      int eq = pairs[i].indexOf('=');
      result.put(pairs[i].substring(0, eq), pairs[i].substring(eq + 1));
    }
    return result;
  }

  private static String mb(long bytes) {
    return bytes < 0 ? "no GC ran" : Stats.format(bytes / 1048576.0, 1) + " MB";
  }
}
