package dev.replicate4j.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the measurements of one run and prints them as Markdown: a summary with one row per goal
 * (or per informative number), then a detail table per part.
 */
final class ResultTable {
  private final List<List<String>> summary = new ArrayList<>();
  private final Map<String, Detail> details = new LinkedHashMap<>();

  /** A measurement checked against a goal. */
  void goal(String area, String what, String measured, String goal, boolean met) {
    summary.add(List.of(area, what, measured, goal, met ? "met" : "**missed**"));
  }

  /** A measurement with no goal of its own. */
  void info(String area, String what, String measured) {
    summary.add(List.of(area, what, measured, "-", "-"));
  }

  /** Starts (or continues) a detail table. */
  void detailHeader(String title, String... columns) {
    details.computeIfAbsent(title, t -> new Detail(List.of(columns)));
  }

  void detailRow(String title, String... cells) {
    Detail detail = details.get(title);
    if (detail == null) {
      throw new IllegalStateException("No detail table '" + title + "'");
    }
    detail.rows.add(List.of(cells));
  }

  String render() {
    StringBuilder out = new StringBuilder();
    out.append(table(List.of("Area", "What", "Measured", "Goal", "Goal met?"), summary));
    for (Map.Entry<String, Detail> e : details.entrySet()) {
      out.append('\n').append("### ").append(e.getKey()).append("\n\n")
          .append(table(e.getValue().columns, e.getValue().rows));
    }
    return out.toString();
  }

  private static String table(List<String> columns, List<List<String>> rows) {
    StringBuilder out = new StringBuilder();
    out.append(row(columns));
    List<String> rule = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      rule.add("---");
    }
    out.append(row(rule));
    for (List<String> r : rows) {
      out.append(row(r));
    }
    return out.toString();
  }

  private static String row(List<String> cells) {
    return "| " + String.join(" | ", cells) + " |\n";
  }

  private static final class Detail {
    final List<String> columns;
    final List<List<String>> rows = new ArrayList<>();

    Detail(List<String> columns) {
      this.columns = columns;
    }
  }
}
