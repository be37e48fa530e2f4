package dev.replicate4j.models;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Short, safe renderings of values for messages: strings quoted, long data URIs cut. */
final class Texts {
  private static final int MAX_SHOWN = 120;
  /** The items of a list a message shows. */
  private static final int MAX_ITEMS = 10;

  private Texts() {}

  /** A value as a violation or error message shows it. */
  static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String) {
      return "\"" + abbreviate((String) value) + "\"";
    }
    if (value instanceof WireEnum) {
      return ((WireEnum) value).wireValue();
    }
    if (value instanceof List) {
      List<?> list = (List<?>) value;
      String shown = list.stream().limit(MAX_ITEMS).map(Texts::describe)
          .collect(Collectors.joining(", ", "[", ""));
      return shown + (list.size() > MAX_ITEMS ? ", … (" + list.size() + " items)]" : "]");
    }
    return abbreviate(String.valueOf(value));
  }

  /** {@code Type{name=value, ...}}, each value as {@link #describe} shows it. */
  static String fields(String type, Map<String, Object> values) {
    return values.entrySet().stream().map(e -> e.getKey() + "=" + describe(e.getValue()))
        .collect(Collectors.joining(", ", type + "{", "}"));
  }

  /** Cuts long text (a data URI, a big output) so messages stay readable. */
  static String abbreviate(String text) {
    if (text.length() <= MAX_SHOWN) {
      return text;
    }
    return text.substring(0, MAX_SHOWN) + "… (" + text.length() + " chars)";
  }

  /** A number for a rule text: {@code 1} rather than {@code 1.0}. */
  static String number(double value) {
    if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
      return String.valueOf((long) value);
    }
    return String.valueOf(value);
  }

  /** A byte count for people: {@code 12345678 bytes (11.8 MiB)}. */
  static String bytes(long count) {
    if (count < 1024) {
      return count + " bytes";
    }
    double kib = count / 1024.0;
    String human = kib < 1024 ? String.format(java.util.Locale.ROOT, "%.1f KiB", kib)
        : String.format(java.util.Locale.ROOT, "%.1f MiB", kib / 1024);
    return count + " bytes (" + human + ")";
  }
}
