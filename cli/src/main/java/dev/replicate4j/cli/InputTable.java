package dev.replicate4j.cli;

import dev.replicate4j.ValidationException;
import dev.replicate4j.ValidationException.Violation;
import dev.replicate4j.models.ImageInput;
import dev.replicate4j.models.Model;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a model's inputs are, read through its public surface only: names and types from the
 * input builder's setters (the convention {@link Model#parseInput} documents), which are required
 * and the value rules from what {@link Model#parseInput} reports for an empty input and for
 * out-of-range probes. The same checks the builders run, so the table cannot drift from them.
 */
final class InputTable {
  /** Probes far outside any model's range, so the builder names its rule. */
  private static final List<String> INTEGER_PROBES = List.of("-999999999", "999999999");
  private static final List<String> NUMBER_PROBES = List.of("-1e300", "1e300");

  private InputTable() {}

  /** One input: its wire name, type, allowed values and rules. */
  record Field(String name, String type, List<String> choices, boolean required, String rules) {
    boolean image() {
      return type.equals("image") || type.equals("list of image");
    }

    Map<String, Object> json() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("name", name);
      json.put("type", type);
      json.put("required", required);
      json.put("choices", choices);
      json.put("rules", rules.isEmpty() ? null : rules);
      return json;
    }
  }

  /**
   * The inputs of a model, required ones first; empty for a generic model (any input, unchecked).
   *
   * @throws IllegalArgumentException if the input class does not follow the builder conventions
   */
  static List<Field> of(Model<?, ?> model) {
    Map<String, Type> setters = setters(model.inputType());
    Set<String> required = new LinkedHashSet<>();
    for (Violation v : violations(model, Map.of())) {
      required.add(v.field());
    }
    List<Field> fields = new ArrayList<>();
    setters.forEach((name, type) -> {
      String typeName = typeName(type);
      List<String> probes = typeName.equals("integer") ? INTEGER_PROBES
          : typeName.equals("number") ? NUMBER_PROBES : List.of();
      Set<String> rules = new LinkedHashSet<>();
      for (String probe : probes) {
        for (Violation v : violations(model, Map.of(name, probe))) {
          if (v.field().equals(name) && v.value() != null) {
            rules.add(v.rule());
          }
        }
      }
      fields.add(new Field(name, typeName, choices(type), required.contains(name),
          String.join("; ", rules)));
    });
    fields.sort(Comparator.comparing((Field f) -> !f.required()).thenComparing(Field::name));
    return fields;
  }

  /** Whether the model declares this input and it takes images (a value is then a file path). */
  static boolean isImage(Model<?, ?> model, String name) {
    Type type = setters(model.inputType()).get(name);
    return type != null && typeName(type).endsWith("image");
  }

  private static List<Violation> violations(Model<?, ?> model, Map<String, String> values) {
    try {
      model.parseInput(values);
      return List.of();
    } catch (ValidationException e) {
      return e.violations();
    }
  }

  /** Wire name to setter parameter type, for an input class with a static {@code builder()}. */
  private static Map<String, Type> setters(Class<?> inputType) {
    Map<String, Type> setters = new LinkedHashMap<>();
    Method factory;
    try {
      factory = inputType.getMethod("builder");
    } catch (NoSuchMethodException e) {
      return setters; // a generic model: its inputs are whatever the caller sends
    }
    for (Method m : factory.getReturnType().getMethods()) {
      if (m.getParameterCount() == 1 && !Modifier.isStatic(m.getModifiers())
          && m.getDeclaringClass() != Object.class) {
        setters.put(snakeCase(m.getName()), m.getGenericParameterTypes()[0]);
      }
    }
    return setters;
  }

  private static String typeName(Type type) {
    if (type instanceof ParameterizedType) {
      return "list of " + typeName(((ParameterizedType) type).getActualTypeArguments()[0]);
    }
    Class<?> c = (Class<?>) type;
    if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
      return "integer";
    }
    if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
      return "number";
    }
    if (c == boolean.class || c == Boolean.class) {
      return "boolean";
    }
    if (ImageInput.class.isAssignableFrom(c)) {
      return "image";
    }
    return c.isEnum() ? "enum" : c == String.class ? "string" : c.getSimpleName();
  }

  private static List<String> choices(Type type) {
    Type item = type instanceof ParameterizedType
        ? ((ParameterizedType) type).getActualTypeArguments()[0] : type;
    if (!(item instanceof Class) || !((Class<?>) item).isEnum()) {
      return List.of();
    }
    List<String> choices = new ArrayList<>();
    for (Object constant : ((Class<?>) item).getEnumConstants()) {
      choices.add(wireValue(constant));
    }
    return choices;
  }

  private static String wireValue(Object constant) {
    try {
      return String.valueOf(constant.getClass().getMethod("wireValue").invoke(constant));
    } catch (ReflectiveOperationException e) {
      return ((Enum<?>) constant).name(); // no wireValue(): parseInput matches the constant name
    }
  }

  private static String snakeCase(String camel) {
    StringBuilder snake = new StringBuilder();
    for (char ch : camel.toCharArray()) {
      if (Character.isUpperCase(ch)) {
        snake.append('_').append(Character.toLowerCase(ch));
      } else {
        snake.append(ch);
      }
    }
    return snake.toString();
  }
}
