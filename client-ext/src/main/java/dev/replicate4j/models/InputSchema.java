package dev.replicate4j.models;

import dev.replicate4j.ValidationException;
import dev.replicate4j.ValidationException.Violation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The inputs one model declares, in schema order, with the rules its builder checks.
 *
 * <p>Builders hold typed values (enums, {@link ImageInput}s, lists); {@link #toWire} checks every
 * rule, collects every violation, and only then turns the values into the JSON-ready map. Types are
 * already enforced by the builders' setters, so the rules here are about values only.
 */
final class InputSchema {
  private final String model;
  private final Map<String, Field> fields;

  private InputSchema(String model, Map<String, Field> fields) {
    this.model = model;
    this.fields = fields;
  }

  static Builder of(String model) {
    return new Builder(model);
  }

  /** The model these inputs belong to, as {@code owner/name}. */
  String model() {
    return model;
  }

  /** The wire names of the inputs, in schema order. */
  List<String> fieldNames() {
    return List.copyOf(fields.keySet());
  }

  /**
   * Checks every rule and converts the values to their wire form, in schema order.
   *
   * @throws ValidationException listing every violation found
   */
  Map<String, Object> toWire(Map<String, Object> values) {
    for (String name : values.keySet()) {
      if (!fields.containsKey(name)) {
        throw new IllegalStateException(model + " declares no input named " + name);
      }
    }
    List<Violation> violations = new ArrayList<>();
    Map<String, Object> wire = new LinkedHashMap<>();
    for (Field field : fields.values()) {
      Object value = values.get(field.name);
      if (value == null) {
        if (field.required) {
          violations.add(
              new Violation(model, field.name, null, "required, the model has no default"));
        }
        continue;
      }
      int before = violations.size();
      for (Function<Object, String> check : field.checks) {
        String broken = check.apply(value);
        if (broken != null) {
          violations.add(new Violation(model, field.name, Texts.describe(value), broken));
        }
      }
      if (violations.size() == before) {
        wire.put(field.name, field.toWire.apply(value));
      }
    }
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
    return Collections.unmodifiableMap(wire);
  }

  /** The default conversion: enums to their spelling, images to their URL or data URI. */
  static Object plain(Object value) {
    if (value instanceof WireEnum) {
      return ((WireEnum) value).wireValue();
    }
    if (value instanceof ImageInput) {
      return ((ImageInput) value).wireValue();
    }
    return value;
  }

  private static final class Field {
    final String name;
    boolean required;
    final List<Function<Object, String>> checks = new ArrayList<>();
    Function<Object, Object> toWire = InputSchema::plain;

    Field(String name) {
      this.name = name;
    }
  }

  /** Declares fields in schema order: the first mention of a name fixes its place. */
  static final class Builder {
    private final String model;
    private final Map<String, Field> fields = new LinkedHashMap<>();

    private Builder(String model) {
      this.model = model;
    }

    /** Fields with no rule beyond their type. */
    Builder optional(String... names) {
      for (String name : names) {
        field(name);
      }
      return this;
    }

    /** A field the model has no default for. */
    Builder required(String name) {
      field(name).required = true;
      return this;
    }

    /** An integer in {@code [min, max]}. */
    Builder between(String name, long min, long max) {
      String rule = "must be between " + min + " and " + max;
      return check(name, v -> {
        long n = ((Number) v).longValue();
        return n >= min && n <= max ? null : rule;
      });
    }

    /** A finite number in {@code [min, max]}. */
    Builder between(String name, double min, double max) {
      String rule = "must be between " + Texts.number(min) + " and " + Texts.number(max);
      return check(name, v -> {
        double d = ((Number) v).doubleValue();
        return d >= min && d <= max ? null : rule;
      });
    }

    /** Any finite number: JSON has no NaN or infinity, and the model sets no range. */
    Builder finite(String name) {
      return check(name, v -> Double.isFinite(((Number) v).doubleValue()) ? null
          : "must be a finite number");
    }

    /** An integer from a fixed set. */
    Builder oneOf(String name, List<Integer> allowed) {
      String rule = "must be one of "
          + allowed.stream().map(String::valueOf).collect(Collectors.joining(", "));
      return check(name, v -> allowed.contains(((Number) v).intValue())
          && ((Number) v).longValue() == ((Number) v).intValue() ? null : rule);
    }

    /** A rule of its own: the function returns the broken rule in words, or null. */
    Builder check(String name, Function<Object, String> check) {
      field(name).checks.add(check);
      return this;
    }

    /** How a field's value is written, when not the default. */
    Builder writeAs(String name, Function<Object, Object> toWire) {
      field(name).toWire = toWire;
      return this;
    }

    InputSchema build() {
      return new InputSchema(model, Collections.unmodifiableMap(new LinkedHashMap<>(fields)));
    }

    private Field field(String name) {
      return fields.computeIfAbsent(name, Field::new);
    }
  }
}
