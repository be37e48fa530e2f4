package dev.replicate4j.stub;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What one input field accepts. {@link #check} names the rule a value breaks, or returns null. */
@FunctionalInterface
interface FieldRule {
  /** Returns null when the value is fine, otherwise the rule it breaks, in words. */
  String check(Object value);

  static FieldRule text() {
    return value -> value instanceof String ? null : "must be a string";
  }

  /** An http(s) URL or a data: URI, the two ways a file input can be given. */
  static FieldRule uri() {
    return value -> {
      if (!(value instanceof String)) {
        return "must be a URI string (http, https or data:)";
      }
      String s = (String) value;
      // URL schemes are case-insensitive (RFC 3986), as the SDK reads them.
      boolean ok = s.regionMatches(true, 0, "https://", 0, 8)
          || s.regionMatches(true, 0, "http://", 0, 7) || s.regionMatches(true, 0, "data:", 0, 5);
      return ok && s.length() > "data:".length() ? null : "must be an http(s) URL or a data: URI";
    };
  }

  static FieldRule bool() {
    return value -> value instanceof Boolean ? null : "must be a boolean";
  }

  static FieldRule integer() {
    return integer(Long.MIN_VALUE, Long.MAX_VALUE);
  }

  static FieldRule integer(long min, long max) {
    return value -> {
      String range = "must be between " + min + " and " + max;
      if (value instanceof java.math.BigInteger) {
        return range;
      }
      value = integral(value);
      if (!(value instanceof Long)) {
        return "must be an integer";
      }
      long v = (Long) value;
      return v >= min && v <= max ? null : range;
    };
  }

  static FieldRule number() {
    return number(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  static FieldRule number(double min, double max) {
    return value -> {
      if (!(value instanceof Number)) {
        return "must be a number";
      }
      double v = ((Number) value).doubleValue();
      return v >= min && v <= max ? null : "must be between " + fmt(min) + " and " + fmt(max);
    };
  }

  static FieldRule oneOf(String... choices) {
    Set<String> allowed = new LinkedHashSet<>(Arrays.asList(choices));
    return value -> allowed.contains(value) ? null : "must be one of " + String.join(", ", allowed);
  }

  static FieldRule oneOf(long... choices) {
    List<Long> allowed = Arrays.stream(choices).boxed().collect(Collectors.toList());
    return value -> {
      return allowed.contains(integral(value)) ? null : "must be one of "
          + allowed.stream().map(String::valueOf).collect(Collectors.joining(", "));
    };
  }

  /** Comma-separated names, each from the list; split on ',' only, as the model does. */
  static FieldRule commaSeparated(String... names) {
    Set<String> allowed = new LinkedHashSet<>(Arrays.asList(names));
    return value -> {
      if (!(value instanceof String) || ((String) value).isEmpty()) {
        return "must be a non-empty comma-separated list of class names";
      }
      for (String name : ((String) value).split(",", -1)) {
        if (!allowed.contains(name)) {
          return "has unknown class '" + name + "' (no spaces after commas; names are "
              + "case-sensitive: " + String.join(", ", allowed) + ")";
        }
      }
      return null;
    };
  }

  /** A whole double as a Long: 2.0 is an integer to a model's pydantic, as it is here. */
  private static Object integral(Object value) {
    if (value instanceof Double) {
      double d = (Double) value;
      if (d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15) {
        return (long) d;
      }
    }
    return value;
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
