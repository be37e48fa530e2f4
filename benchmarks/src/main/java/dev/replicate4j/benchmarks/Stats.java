package dev.replicate4j.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Order statistics of a sample: median and 95th percentile by the nearest-rank method. */
final class Stats {
  private final List<Double> sorted;

  Stats(List<? extends Number> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("No values to summarise");
    }
    List<Double> copy = new ArrayList<>();
    for (Number v : values) {
      copy.add(v.doubleValue());
    }
    Collections.sort(copy);
    this.sorted = copy;
  }

  int count() {
    return sorted.size();
  }

  double median() {
    return percentile(50);
  }

  double p95() {
    return percentile(95);
  }

  double max() {
    return sorted.get(sorted.size() - 1);
  }

  double min() {
    return sorted.get(0);
  }

  double mean() {
    double sum = 0;
    for (double v : sorted) {
      sum += v;
    }
    return sum / sorted.size();
  }

  /** The smallest value with at least {@code p} percent of the sample at or below it. */
  double percentile(double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  static String format(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
