package dev.replicate4j.models;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Reads the two file shapes models return: one URI string, or an array of them. */
final class OutputShapes {
  private static final Pattern SCHEME =
      Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.+", Pattern.DOTALL);

  private OutputShapes() {}

  /** Every URI of an array output; a single string counts as a one-element array. */
  static List<String> uris(Object raw) {
    if (raw instanceof String) {
      return List.of(uri(raw, "the output"));
    }
    if (!(raw instanceof List)) {
      throw new IllegalArgumentException("expected a URI or an array of URIs but got " + kind(raw));
    }
    List<?> elements = (List<?>) raw;
    return IntStream.range(0, elements.size()).mapToObj(i -> uri(elements.get(i), "element " + i))
        .collect(Collectors.toUnmodifiableList());
  }

  /** The URI of a single-file output; a one-element array is read as its element. */
  static String singleUri(Object raw) {
    List<String> uris = uris(raw);
    if (uris.size() != 1) {
      throw new IllegalArgumentException("expected one file but got an array of " + uris.size());
    }
    return uris.get(0);
  }

  static List<FileOutput> files(Object raw, FileDownloader downloader) {
    return uris(raw).stream().map(uri -> FileOutput.of(uri, downloader))
        .collect(Collectors.toList());
  }

  private static String uri(Object value, String what) {
    if (!(value instanceof String)) {
      throw new IllegalArgumentException(what + " is not a URI string but " + kind(value));
    }
    String text = (String) value;
    if (!SCHEME.matcher(text).matches()) {
      throw new IllegalArgumentException(what + " is not a URI: " + Texts.describe(text));
    }
    return text;
  }

  /** What a JSON value is, for messages. */
  static String kind(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof java.util.Map || value instanceof List) {
      String kind = value instanceof List ? "an array " : "an object ";
      return kind + Texts.abbreviate(value.toString());
    }
    if (value instanceof Number || value instanceof Boolean) {
      return (value instanceof Number ? "a number " : "a boolean ") + value;
    }
    return "a " + value.getClass().getSimpleName() + " " + Texts.describe(value);
  }
}
