package dev.replicate4j.models;

import dev.replicate4j.ExactJson;
import dev.replicate4j.ReplicateException;
import dev.replicate4j.ValidationException;
import dev.replicate4j.ValidationException.Violation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Turns the text of one {@code key=value} pair into the Java type a builder setter takes, or into
 * the JSON value a generic input sends. A value that does not convert is reported in words (the
 * rule it broke) and gives null; no value is ever guessed.
 */
final class TextValues {
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  /** JSON's own number grammar, so that text such as {@code 007} or {@code +1} stays text. */
  private static final Pattern JSON_NUMBER =
      Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");
  private static final Set<Class<?>> SCALARS = Set.of(String.class, int.class, Integer.class,
      long.class, Long.class, double.class, Double.class, boolean.class, Boolean.class,
      ImageInput.class);

  /** The broken items of one list value that are described; the rest are counted. */
  static final int MAX_ITEM_PROBLEMS = 5;

  /** Each enum's constants by wire value, and the rule naming them, found once per type. */
  private static final ClassValue<EnumSpellings> SPELLINGS = new ClassValue<>() {
    @Override
    protected EnumSpellings computeValue(Class<?> type) {
      Map<String, Object> byWire = new LinkedHashMap<>();
      for (Object constant : type.getEnumConstants()) {
        byWire.put(wireValue(constant), constant);
      }
      return new EnumSpellings(Collections.unmodifiableMap(byWire),
          "must be one of " + String.join(", ", byWire.keySet()));
    }
  };

  private record EnumSpellings(Map<String, Object> byWire, String rule) {}

  private TextValues() {}

  /** Whether a setter parameter of this type can be given as text. */
  static boolean supports(Type type) {
    return scalar(type) || element(type) != null;
  }

  /**
   * Converts text to {@code type}, which {@link #supports} accepts.
   *
   * @param problems receives each broken rule, in words
   * @return the value, or null if a problem was reported
   */
  static Object convert(Type type, String text, Consumer<String> problems) {
    Class<?> element = element(type);
    if (element == null) {
      return scalar((Class<?>) type, text, problems);
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
      Object value = scalar(element, item, itemProblems::add);
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

  private static boolean scalar(Type type) {
    return type instanceof Class && (SCALARS.contains(type) || ((Class<?>) type).isEnum());
  }

  /** The element class of a {@code List<E>} (or Collection, Iterable) of scalars, else null. */
  private static Class<?> element(Type type) {
    if (!(type instanceof ParameterizedType)) {
      return null;
    }
    ParameterizedType parameterized = (ParameterizedType) type;
    Type raw = parameterized.getRawType();
    if (raw != List.class && raw != Collection.class && raw != Iterable.class) {
      return null;
    }
    Type argument = parameterized.getActualTypeArguments()[0];
    if (argument instanceof WildcardType) {
      argument = ((WildcardType) argument).getUpperBounds()[0];
    }
    return scalar(argument) ? (Class<?>) argument : null;
  }

  private static Object scalar(Class<?> type, String text, Consumer<String> problems) {
    if (type == String.class) {
      return text;
    }
    if (type == ImageInput.class) {
      return image(text, problems);
    }
    // Surrounding spaces are never part of a number, a boolean or an enum's wire value.
    String trimmed = text.trim();
    if (type == int.class || type == Integer.class) {
      Long value = integer(trimmed, Integer.MIN_VALUE, Integer.MAX_VALUE, problems);
      return value == null ? null : Integer.valueOf(value.intValue());
    }
    if (type == long.class || type == Long.class) {
      return integer(trimmed, Long.MIN_VALUE, Long.MAX_VALUE, problems);
    }
    if (type == double.class || type == Double.class) {
      return number(trimmed, problems);
    }
    if (type == boolean.class || type == Boolean.class) {
      if (trimmed.equals("true") || trimmed.equals("false")) {
        return Boolean.valueOf(trimmed);
      }
      problems.accept("must be true or false");
      return null;
    }
    return constant(type, trimmed, problems);
  }

  private static Long integer(String text, long min, long max, Consumer<String> problems) {
    if (!INTEGER.matcher(text).matches()) {
      problems.accept("not an integer");
      return null;
    }
    try {
      long value = Long.parseLong(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Digits only, so the only way to fail is being out of the long range: said below.
    }
    problems.accept("not an integer from " + min + " to " + max);
    return null;
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
  private static Object constant(Class<?> type, String text, Consumer<String> problems) {
    EnumSpellings spellings = SPELLINGS.get(type);
    Object found = spellings.byWire().get(text);
    if (found == null) {
      problems.accept(spellings.rule());
    }
    return found;
  }

  /** {@link WireEnum}'s spelling, a public {@code String wireValue()}, or else the name. */
  static String wireValue(Object constant) {
    if (constant instanceof WireEnum) {
      return ((WireEnum) constant).wireValue();
    }
    Class<?> type = ((Enum<?>) constant).getDeclaringClass();
    Method method = Arrays.stream(type.getMethods())
        .filter(m -> m.getName().equals("wireValue") && m.getParameterCount() == 0
            && m.getReturnType() == String.class && !Modifier.isStatic(m.getModifiers()))
        .findFirst().orElse(null);
    if (method == null) {
      return ((Enum<?>) constant).name();
    }
    try {
      return (String) method.invoke(constant);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("Cannot read " + type.getName() + "." + constant
          + ".wireValue(): " + e, e);
    }
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
