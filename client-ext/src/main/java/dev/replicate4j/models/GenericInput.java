package dev.replicate4j.models;

import dev.replicate4j.ValidationException;
import dev.replicate4j.ValidationException.Violation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A map-based input for any model: the escape hatch when a typed input does not fit (a model of
 * your own, or a field this SDK does not know). The map is sent as given; the only changes are
 * that {@link ImageInput}s become their URL or data URI and the SDK's enums their wire spelling.
 * No model rule is checked.
 *
 * <pre>{@code
 * GenericInput input = GenericInput.of(Map.of("prompt", "a red fox", "num_outputs", 2));
 * }</pre>
 */
public final class GenericInput implements ModelInput {
  private static final String SUBJECT = "generic input";

  private final Map<String, Object> wire;

  private GenericInput(Map<String, Object> wire) {
    this.wire = wire;
  }

  /**
   * Wraps a map.
   *
   * @param input field name to value: String, Number, Boolean, List, Map, {@link ImageInput} or one
   *     of this package's enums; no nulls
   * @return the input
   * @throws ValidationException listing every key or value that JSON cannot carry
   */
  public static GenericInput of(Map<String, ?> input) {
    List<Violation> violations = new ArrayList<>();
    Object wire = convert(input, "", violations);
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) wire;
    return new GenericInput(map);
  }

  private static Object convert(Object value, String path, List<Violation> violations) {
    if (value instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        if (!(e.getKey() instanceof String)) {
          violations.add(new Violation(SUBJECT, path + "<key>", String.valueOf(e.getKey()),
              "keys must be strings"));
          continue;
        }
        String key = path.isEmpty() ? (String) e.getKey() : path + "." + e.getKey();
        copy.put((String) e.getKey(), convert(e.getValue(), key, violations));
      }
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      List<?> list = (List<?>) value;
      for (int i = 0; i < list.size(); i++) {
        copy.add(convert(list.get(i), path + "[" + i + "]", violations));
      }
      return Collections.unmodifiableList(copy);
    }
    if (value instanceof String || value instanceof Boolean || value instanceof Integer
        || value instanceof Long || value instanceof Double || value instanceof Float
        || value instanceof Short || value instanceof Byte
        || value instanceof java.math.BigInteger || value instanceof java.math.BigDecimal) {
      if ((value instanceof Double || value instanceof Float)
          && !Double.isFinite(((Number) value).doubleValue())) {
        violations.add(new Violation(SUBJECT, path, value.toString(), "must be a finite number"));
      }
      return value;
    }
    if (value instanceof ImageInput) {
      return ((ImageInput) value).wireValue();
    }
    if (value instanceof WireEnum) {
      return ((WireEnum) value).wireValue();
    }
    violations.add(new Violation(SUBJECT, path, value == null ? null : Texts.describe(value),
        value == null ? "null is not sent; leave the key out instead"
            : "a " + value.getClass().getName() + " cannot be sent as JSON; use a String, "
                + "Integer, Long, Double, BigInteger, BigDecimal, Boolean, List or Map"));
    return value;
  }

  /** The map as given, with images and enums in their wire form. */
  @Override
  public Map<String, Object> toWire() {
    return wire;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GenericInput && wire.equals(((GenericInput) o).wire);
  }

  @Override
  public int hashCode() {
    return wire.hashCode();
  }

  /** The fields, with long strings cut short. */
  @Override
  public String toString() {
    return Texts.fields("GenericInput", wire);
  }
}
