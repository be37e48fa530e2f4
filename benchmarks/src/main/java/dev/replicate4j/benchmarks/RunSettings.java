package dev.replicate4j.benchmarks;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one run measures and for how long: the short default (a few minutes on two cores) or
 * {@code --long}, which gives JMH more forks and iterations and the end-to-end parts more samples.
 */
final class RunSettings {
  static final List<String> PARTS = List.of("overhead", "parsing", "waiting", "shapes", "scale");
  static final String USAGE = "Usage: java -jar benchmarks/target/benchmarks.jar [--long]"
      + " [--only PART[,PART...]]\n"
      + "  --long        more JMH forks and longer iterations, more end-to-end samples\n"
      + "  --only PARTS  run only some of: " + String.join(", ", PARTS) + " (default: all)";

  final boolean longRun;
  final Set<String> parts;

  private RunSettings(boolean longRun, Set<String> parts) {
    this.longRun = longRun;
    this.parts = parts;
  }

  /** The settings, or null for {@code --help}; rejects unknown options and parts. */
  static RunSettings parse(String[] args) {
    boolean longRun = false;
    Set<String> parts = new LinkedHashSet<>(PARTS);
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        return null;
      } else if (arg.equals("--long")) {
        longRun = true;
      } else if (arg.equals("--only") || arg.startsWith("--only=")) {
        String value = arg.startsWith("--only=") ? arg.substring("--only=".length())
            : i + 1 < args.length ? args[++i] : "";
        parts.clear();
        for (String part : value.split(",")) {
          if (!PARTS.contains(part.trim())) {
            throw new IllegalArgumentException("Unknown part '" + part + "' for --only; expected "
                + String.join(", ", PARTS));
          }
          parts.add(part.trim());
        }
      } else {
        throw new IllegalArgumentException("Unknown option '" + arg + "'");
      }
    }
    return new RunSettings(longRun, parts);
  }

  boolean runs(String part) {
    return parts.contains(part);
  }

  int jmhForks() {
    return longRun ? 2 : 1;
  }

  /** JIT compilation of the client, the stub and OkHttp on two cores takes about 10 s. */
  int jmhWarmupIterations() {
    return longRun ? 15 : 12;
  }

  int jmhMeasurementIterations() {
    return 10;
  }

  /**
   * Measured iterations of the overhead part. Its per-iteration ratio spans 0.8 - 1.4 on a
   * two-core machine (each iteration's threads land on the cores anew), so that the mean of ten
   * moved by 0.03 from run to run; forty make that about half.
   */
  int overheadIterations() {
    return longRun ? 60 : 40;
  }

  int jmhWarmupSeconds() {
    return 1;
  }

  int jmhIterationSeconds() {
    return longRun ? 2 : 1;
  }

  /** Predictions per stub in each waiting batch; ten stubs per job length. */
  int waitingPredictionsPerStub() {
    return longRun ? 10 : 4;
  }

  /** Predictions per stub in each log-shape batch; ten stubs per shape and job length. */
  int shapePredictionsPerStub() {
    return longRun ? 4 : 2;
  }

  /** Rounds of the scale run per size, in one client JVM: the first cold, the others warm. */
  int scaleRounds() {
    return longRun ? 6 : 3;
  }

  String describe() {
    return (longRun ? "--long" : "short (default)") + ": JMH " + jmhForks() + " fork(s), "
        + jmhWarmupIterations() + " warm-up iterations of " + jmhWarmupSeconds() + " s + "
        + jmhMeasurementIterations() + " measured of " + jmhIterationSeconds() + " s ("
        + overheadIterations() + " for the overhead); waiting "
        + waitingPredictionsPerStub() * WaitingHarness.STUBS_PER_JOB + " predictions per cell,"
        + " log shapes " + shapePredictionsPerStub() * WaitingHarness.STUBS_PER_JOB + ";"
        + " scale " + scaleRounds() + " rounds per size";
  }
}
