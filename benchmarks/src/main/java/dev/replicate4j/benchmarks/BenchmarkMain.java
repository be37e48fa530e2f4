package dev.replicate4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs every measurement of the SDK and prints a Markdown table of results against the goals:
 * waiting (end to end on stub relays), scale (the client in a child JVM), then overhead and
 * parsing (JMH, in forked JVMs).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar [--long] [--only overhead,parsing,waiting,shapes,scale]</pre>
 */
public final class BenchmarkMain {
  private BenchmarkMain() {}

  /**
   * Runs the measurements.
   *
   * @param args {@code --long}, {@code --only PARTS}, {@code --help}
   * @throws Exception if a measurement cannot be made (nothing is reported as measured then)
   */
  public static void main(String[] args) throws Exception {
    RunSettings settings;
    try {
      settings = RunSettings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(RunSettings.USAGE);
      System.exit(2);
      return;
    }
    if (settings == null) {
      System.out.println(RunSettings.USAGE);
      return;
    }
    long start = System.nanoTime();
    ResultTable table = new ResultTable();
    if (settings.runs("waiting")) {
      new WaitingHarness(settings).run(table);
    }
    if (settings.runs("shapes")) {
      new ShapesHarness(settings).run(table);
    }
    if (settings.runs("scale")) {
      new ScaleHarness(settings).run(table);
    }
    new JmhSuite(settings).run(table);
    System.out.println();
    System.out.println("## replicate4j benchmarks");
    System.out.println();
    System.out.println("Machine: " + machine());
    System.out.println("Settings: " + settings.describe() + "; whole run "
        + Stats.format((System.nanoTime() - start) / 60e9, 1) + " min");
    System.out.println();
    System.out.print(table.render());
  }

  static String machine() {
    return Runtime.getRuntime().availableProcessors() + " CPUs (" + cpuModel() + "), "
        + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
        + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version")
        + ", max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB";
  }

  private static String cpuModel() {
    Path cpuinfo = Path.of("/proc/cpuinfo");
    try {
      List<String> lines = Files.exists(cpuinfo) ? Files.readAllLines(cpuinfo) : List.of();
      for (String line : lines) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      return "CPU model unreadable: " + e.getMessage();
    }
    return "CPU model unknown";
  }
}
