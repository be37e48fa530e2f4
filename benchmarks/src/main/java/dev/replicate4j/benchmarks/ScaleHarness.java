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
 * The scale measurement: 100, 1,000 and 10,000 predictions of 2 s each in flight at once through
 * {@code runAsync}. For each size a fresh stub runs here and a fresh client JVM
 * ({@link ScaleClient}) runs the rounds, so that the threads and heap it reports are the SDK's
 * alone and grow with the size only; it runs with a maximum heap of the heap goal, so that a run
 * that needs more fails rather than passing on a lazily collected default heap. Round 1 of each
 * size runs on a cold client JVM, later rounds on a warm one; the wall-time goals are judged on the
 * median warm round.
 */
final class ScaleHarness {
  static final List<Integer> SIZES = List.of(100, 1000, 10_000);
  static final Schedule TWO_SECONDS = Schedule.of(Duration.ofMillis(200), Duration.ofMillis(1800));
  /** Wall-time goals by size (issue 14: 10,000 in under 10 s; 1,000 kept under 4 s). */
  static final Map<Integer, Long> WALL_GOALS_MS = Map.of(1000, 4000L, 10_000, 10_000L);
  static final int THREADS_GOAL = 32;
  static final long HEAP_GOAL_BYTES = 256L << 20;
  private static final String DETAIL = "Scale: predictions of 2 s at once through runAsync, by round";
  private static final String GROWTH = "Scale: growth from 100 to 10,000 predictions in flight";

  private final RunSettings settings;

  ScaleHarness(RunSettings settings) {
    this.settings = settings;
  }

  void run(ResultTable table) throws IOException, InterruptedException {
    table.detailHeader(DETAIL, "Predictions", "Round", "Wall", "Requests per prediction",
        "Creates arrived within", "Last request at", "Failures");
    table.detailHeader(GROWTH, "Predictions", "Wall, cold JVM", "Wall, warm (median / worst)",
        "Requests per prediction (warm median)", "Peak threads: SDK / whole JVM",
        "Peak heap left after GC", "Peak heap in use (garbage included)");
    for (int size : SIZES) {
      List<Map<String, String>> rounds = new ArrayList<>();
      long start = System.nanoTime();
      Map<String, String> resources = runClient(size, settings.scaleRounds(), rounds);
      System.out.printf("scale: %,d predictions, %d rounds: done in %.1f s%n", size,
          rounds.size(), (System.nanoTime() - start) / 1e9);
      report(table, size, rounds, resources);
    }
  }

  private static void report(ResultTable table, int size, List<Map<String, String>> rounds,
      Map<String, String> resources) {
    String sizeText = String.format(java.util.Locale.ROOT, "%,d", size);
    for (Map<String, String> r : rounds) {
      table.detailRow(DETAIL, sizeText,
          r.get("round") + (r.get("round").equals("1") ? " (cold JVM)" : ""),
          r.get("wall_ms") + " ms", r.get("requests"), r.get("creates_within_ms") + " ms",
          r.get("last_request_ms") + " ms", r.get("failures"));
    }
    long coldWall = Long.parseLong(rounds.get(0).get("wall_ms"));
    List<Long> warmWalls = new ArrayList<>();
    List<Double> warmRequests = new ArrayList<>();
    long failures = 0;
    for (Map<String, String> r : rounds) {
      failures += Long.parseLong(r.get("failures"));
      if (!r.get("round").equals("1")) {
        warmWalls.add(Long.parseLong(r.get("wall_ms")));
        warmRequests.add(Double.parseDouble(r.get("requests").split(" ")[0]));
      }
    }
    Stats warm = new Stats(warmWalls);
    int peakThreads = Integer.parseInt(resources.get("peak_threads"));
    int sdkThreads = Integer.parseInt(resources.get("peak_sdk_threads"));
    long heapUsed = Long.parseLong(resources.get("peak_heap_used"));
    long heapLive = Long.parseLong(resources.get("peak_heap_after_gc"));
    table.detailRow(GROWTH, sizeText, coldWall + " ms",
        Stats.format(warm.median(), 0) + " / " + Stats.format(warm.max(), 0) + " ms",
        Stats.format(new Stats(warmRequests).median(), 2), sdkThreads + " / " + peakThreads,
        mb(heapLive) + " (" + resources.get("collections") + " GCs)", mb(heapUsed));
    Long wallGoal = WALL_GOALS_MS.get(size);
    if (wallGoal == null) {
      return;
    }
    table.goal("Scale", sizeText + " x 2 s predictions via `runAsync`: wall time",
        Stats.format(warm.median(), 0) + " ms (median of " + warm.count() + " warm rounds, worst "
            + Stats.format(warm.max(), 0) + " ms; cold JVM " + coldWall + " ms), " + failures
            + " failed",
        "< " + wallGoal + " ms", warm.median() < wallGoal && failures == 0);
    table.goal("Scale", sizeText + " in flight: peak live threads in the client JVM",
        sdkThreads + " started by the SDK (" + resources.get("sdk_threads_by_kind")
            .replace(";", ", ").replace('_', ' ') + "); " + peakThreads
            + " in the whole JVM with its own " + resources.get("baseline_threads")
            + " and the sampler",
        "<= " + THREADS_GOAL, peakThreads <= THREADS_GOAL);
    table.goal("Scale", sizeText + " in flight: peak heap in the client JVM",
        mb(heapLive) + " left after GC at most (" + resources.get("collections") + " GCs); "
            + mb(heapUsed) + " in use at most, garbage included (sampled every 5 ms; the client"
            + " JVM runs with -Xmx" + resources.get("max_heap_mb") + "m)",
        "< " + (HEAP_GOAL_BYTES >> 20) + " MB", heapLive >= 0 && heapLive < HEAP_GOAL_BYTES);
  }

  /** Runs the child through all rounds; fills {@code rounds} and returns its resource peaks. */
  private static Map<String, String> runClient(int size, int roundCount,
      List<Map<String, String>> rounds)
      throws IOException, InterruptedException {
    try (StubRelay stub = StubRelay.builder().schedule(TWO_SECONDS).build().start()) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      // The heap goal as a bound: the client JVM fails with OutOfMemoryError if it needs more.
      Process child = new ProcessBuilder(java, "-Xmx" + (HEAP_GOAL_BYTES >> 20) + "m", "-cp",
          System.getProperty("java.class.path"),
          ScaleClient.class.getName(), stub.baseUrl(), stub.apiKey(), String.valueOf(size),
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
            round.putAll(journalStats(stub, size, rounds.size()));
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
  private static Map<String, String> journalStats(StubRelay stub, int size, int roundsBefore) {
    Journal journal = stub.journal();
    List<RecordedCall> calls = journal.requests();
    List<RecordedCall> creates = journal.creates();
    int expected = (roundsBefore + 1) * size;
    if (creates.size() != size || stub.predictionsCreated() != expected) {
      throw new IllegalStateException("The stub saw " + creates.size() + " creates ("
          + stub.predictionsCreated() + " predictions in all); expected " + size
          + " this round");
    }
    Map<String, String> stats = new HashMap<>();
    int gets = journal.count(RequestKind.GET);
    stats.put("requests", Stats.format((double) calls.size() / size, 2) + " ("
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
