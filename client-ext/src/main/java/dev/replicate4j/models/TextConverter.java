package dev.replicate4j.models;

import dev.replicate4j.ExactJson;
import dev.replicate4j.ReplicateException;
import dev.replicate4j.ValidationException;
import dev.replicate4j.ValidationException.Violation;
import dev.replicate4j.models.InputSpec.Field;
import dev.replicate4j.models.InputSpec.Rule;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Turns the text of one {@code key=value} pair into the Java value a field's setter takes (by
 * the field's kind in its {@link InputSpec}), or into the JSON value a generic input sends. A value
 * that does not convert is reported in words (the rule it broke) and gives null; no value is ever
 * guessed.
 */
final class TextConverter {
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  /** JSON's own number grammar, so that text such as {@code 007} or {@code +1} stays text. */
  private static final Pattern JSON_NUMBER =
      Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");

  /** The broken items of one list value that are described; the rest are counted. */
  static final int MAX_ITEM_PROBLEMS = 5;

  private TextConverter() {}

  /**
   * Converts text to the value a field's setter takes.
   *
   * @param problems receives each broken rule, in words
   * @return the value, or null if a problem was reported
   */
  static Object convert(Rule rule, String text, Consumer<String> problems) {
    if (rule.field.kind() != Field.Kind.CHOICE_LIST) {
      return scalar(rule, text, problems);
    }
    // A list is written comma-separated; an empty value is an empty list, for the builder to judge.
    // Items are cut out one at a time and only the first broken ones are described, so a huge
    // value costs time in proportion to its length and a message of bounded length.
    List<Object> items = new ArrayList<>();
    int broken = 0;
    int start = text.isBlank() ? text.length() + 1 : 0;
    while (start <= text.length()) {
      int comma = text.indexOf(',', start);
      int end = comma < 0 ? text.length() : comma;
      String item = text.substring(start, end);
      start = end + 1;
      List<String> itemProblems = new ArrayList<>();
      Object value = constant(rule.constants, item.trim(), itemProblems::add);
      if (!itemProblems.isEmpty() && ++broken <= MAX_ITEM_PROBLEMS) {
        itemProblems.forEach(p -> problems.accept("item " + Texts.describe(item) + ": " + p));
      }
      if (broken == 0) {
        items.add(value);
      }
    }
    if (broken > MAX_ITEM_PROBLEMS) {
      problems.accept("and " + (broken - MAX_ITEM_PROBLEMS) + " more broken items");
    }
    return broken > 0 ? null : Collections.unmodifiableList(items);
  }

  /**
   * The JSON value text stands for when the model's inputs are unknown: a number, exactly as
   * {@link ExactJson#number} reads it, {@code true} or {@code false}, else the text.
   */
  static Object json(String text, Consumer<String> problems) {
    if (JSON_NUMBER.matcher(text).matches()) {
      if (text.length() > ExactJson.MAX_EXACT_LENGTH) {
        problems.accept("a number longer than " + ExactJson.MAX_EXACT_LENGTH
            + " characters cannot be sent exactly");
        return null;
      }
      return ExactJson.number(text);
    }
    if (text.equals("true") || text.equals("false")) {
      return Boolean.valueOf(text);
    }
    return text;
  }

  private static Object scalar(Rule rule, String text, Consumer<String> problems) {
    Field.Kind kind = rule.field.kind();
    if (kind == Field.Kind.TEXT) {
      return text;
    }
    if (kind == Field.Kind.IMAGE) {
      return image(text, problems);
    }
    // Surrounding spaces are never part of a number, a boolean or an enum's wire value.
    String trimmed = text.trim();
    switch (kind) {
      case INTEGER:
        return integer(trimmed, problems);
      case NUMBER:
        return number(trimmed, problems);
      case BOOLEAN:
        if (trimmed.equals("true") || trimmed.equals("false")) {
          return Boolean.valueOf(trimmed);
        }
        problems.accept("must be true or false");
        return null;
      default:
        return constant(rule.constants, trimmed, problems);
    }
  }

  private static Long integer(String text, Consumer<String> problems) {
    if (!INTEGER.matcher(text).matches()) {
      problems.accept("not an integer");
      return null;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      // Digits only, so the only way to fail is being out of the long range.
      problems.accept("not an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
      return null;
    }
  }

  private static Double number(String text, Consumer<String> problems) {
    if (!DECIMAL.matcher(text).matches()) {
      problems.accept("not a number");
      return null;
    }
    double value = Double.parseDouble(text);
    if (Double.isInfinite(value)) {
      problems.accept("not a finite number");
      return null;
    }
    return value;
  }

  /** An enum constant by its wire value, spelled exactly. */
  private static Object constant(Map<String, Object> byWire, String text,
      Consumer<String> problems) {
    Object found = byWire.get(text);
    if (found == null) {
      problems.accept("must be one of " + String.join(", ", byWire.keySet()));
    }
    return found;
  }

  /** http(s) URLs are passed on, {@code data:} URIs sent inline, anything else read as a file. */
  private static ImageInput image(String text, Consumer<String> problems) {
    try {
      if (startsWithIgnoringCase(text, "http://") || startsWithIgnoringCase(text, "https://")) {
        return ImageInput.url(text);
      }
      if (DataUri.looksLikeOne(text)) {
        return ImageInput.dataUri(text);
      }
      return ImageInput.file(Path.of(text));
    } catch (InvalidPathException e) {
      problems.accept("not an http(s) URL, a data: URI or a valid file path: " + e.getReason());
    } catch (ValidationException e) {
      for (Violation v : e.violations()) {
        problems.accept(imageRule(v));
      }
    } catch (ReplicateException e) {
      problems.accept(e.getMessage());
    }
    return null;
  }

  /** A file's problems name the path; a URL's or data URI's are about the value itself. */
  private static String imageRule(Violation v) {
    if (!v.field().equals("file")) {
      return v.rule();
    }
    String rule = "file " + v.value() + " " + v.rule();
    return v.rule().equals("does not exist")
        ? rule + " (an image is an http(s):// URL, a data: URI or a local file)" : rule;
  }

  private static boolean startsWithIgnoringCase(String text, String prefix) {
    return text.regionMatches(true, 0, prefix, 0, prefix.length());
  }
}
