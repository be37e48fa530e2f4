package dev.replicate4j.models;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What every typed input keeps: the values as the caller typed them (so {@code toBuilder()} gives
 * them back) and their validated wire form. One class so the ten inputs share equality and text.
 */
final class InputValues {
  private final Map<String, Object> typed;
  private final Map<String, Object> wire;

  /** Validates the builder's values; throws the schema's {@code ValidationException}. */
  InputValues(InputSchema schema, Map<String, Object> values) {
    this.typed = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.wire = schema.toWire(typed);
  }

  /** A mutable copy of the typed values, for a new builder. */
  Map<String, Object> copy() {
    return new LinkedHashMap<>(typed);
  }

  /** One typed value, or null if not set. */
  Object typed(String name) {
    return typed.get(name);
  }

  Map<String, Object> wire() {
    return wire;
  }

  /**
   * Sets or, for null, removes a value: a removed field is not sent and the model's default
   * applies.
   */
  static void put(Map<String, Object> values, String name, Object value) {
    if (value == null) {
      values.remove(name);
    } else {
      values.put(name, value);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InputValues && wire.equals(((InputValues) o).wire);
  }

  @Override
  public int hashCode() {
    return wire.hashCode();
  }

  /** The wire values with long strings (data URIs) cut short. */
  String describe(String type) {
    return wire.entrySet().stream()
        .map(e -> e.getKey() + "=" + Texts.describe(e.getValue()))
        .collect(Collectors.joining(", ", type + "{", "}"));
  }
}
