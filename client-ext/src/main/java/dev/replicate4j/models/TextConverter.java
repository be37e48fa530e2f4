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
      return text.length() <= ExactJson.MAX_EXACT_LENGTH ? ExactJson.number(text)
          : reject(problems, "a number longer than " + ExactJson.MAX_EXACT_LENGTH
              + " characters cannot be sent exactly");
    }
    if (text.equals("true") || text.equals("false")) {
      return Boolean.valueOf(text);
    }
    return text;
  }

  private static Object scalar(Rule rule, String text, Consumer<String> problems) {
    // Surrounding spaces are never part of a number, a boolean or an enum's wire value.
    String trimmed = text.trim();
    switch (rule.field.kind()) {
      case TEXT:
        return text;
      case IMAGE:
        return image(text, problems);
      case INTEGER:
        if (!INTEGER.matcher(trimmed).matches()) {
          return reject(problems, "not an integer");
        }
        try {
          return Long.parseLong(trimmed);
        } catch (NumberFormatException e) {
          // Digits only, so the only way to fail is being out of the long range.
          return reject(problems, "not an integer from " + Long.MIN_VALUE + " to "
              + Long.MAX_VALUE);
        }
      case NUMBER:
        if (!DECIMAL.matcher(trimmed).matches()) {
          return reject(problems, "not a number");
        }
        double value = Double.parseDouble(trimmed);
        return Double.isInfinite(value) ? reject(problems, "not a finite number") : value;
      case BOOLEAN:
        return trimmed.equals("true") || trimmed.equals("false") ? Boolean.valueOf(trimmed)
            : reject(problems, "must be true or false");
      default:
        return constant(rule.constants, trimmed, problems);
    }
  }

  /** Reports a broken rule; the value is then null. */
  static Object reject(Consumer<String> problems, String rule) {
    problems.accept(rule);
    return null;
  }

  /** An enum constant by its wire value, spelled exactly. */
  private static Object constant(Map<String, Object> byWire, String text,
      Consumer<String> problems) {
    Object found = byWire.get(text);
    return found != null ? found
        : reject(problems, "must be one of " + String.join(", ", byWire.keySet()));
  }

  /** http(s) URLs are passed on, {@code data:} URIs sent inline, anything else read as a file. */
  private static ImageInput image(String text, Consumer<String> problems) {
    try {
      if (text.regionMatches(true, 0, "http://", 0, 7)
          || text.regionMatches(true, 0, "https://", 0, 8)) {
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
}
