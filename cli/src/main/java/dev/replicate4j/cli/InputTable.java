package dev.replicate4j.cli;

import dev.replicate4j.models.InputSpec;
import dev.replicate4j.models.Model;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a model's inputs are, read from its generated {@link InputSpec}: the metadata the builders
 * check with and {@link Model#parseInput} converts with, so the table cannot drift from them.
 */
final class InputTable {
  private InputTable() {}

  /** One input: its wire name, type, allowed values, default and rules. */
  record Field(String name, String type, List<String> choices, boolean required,
      Optional<Object> defaultValue, String rules) {
    Map<String, Object> json() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("name", name);
      json.put("type", type);
      json.put("required", required);
      json.put("default", defaultValue.orElse(null));
      json.put("choices", choices);
      json.put("rules", rules.isEmpty() ? null : rules);
      return json;
    }

    /** The default as typed on the command line, {@code ""} for an empty string. */
    String defaultText() {
      return defaultValue.map(v -> v.equals("") ? "\"\"" : String.valueOf(v)).orElse("");
    }
  }

  /** The inputs of a model, required ones first; empty for a model without an input spec. */
  static List<Field> of(Model<?, ?> model) {
    List<Field> fields = new ArrayList<>();
    for (InputSpec.Field f : specFields(model)) {
      fields.add(new Field(f.name(), typeName(f.kind()), f.allowed().stream()
          .map(String::valueOf).collect(Collectors.toList()), f.required(), f.defaultValue(),
          rules(f)));
    }
    fields.sort(Comparator.comparing((Field f) -> !f.required()).thenComparing(Field::name));
    return fields;
  }

  /** Whether the model declares this input and it takes images (a value is then a file path). */
  static boolean isImage(Model<?, ?> model, String name) {
    return specFields(model).stream()
        .anyMatch(f -> f.name().equals(name) && f.kind() == InputSpec.Field.Kind.IMAGE);
  }

  /** A generic model (any input, unchecked) has no spec and so no fields. */
  private static List<InputSpec.Field> specFields(Model<?, ?> model) {
    return model.inputSpec().map(s -> (List<InputSpec.Field>) s.fields()).orElse(List.of());
  }

  private static String typeName(InputSpec.Field.Kind kind) {
    switch (kind) {
      case TEXT:
        return "string";
      case IMAGE:
        return "image";
      case INTEGER:
        return "integer";
      case NUMBER:
        return "number";
      case BOOLEAN:
        return "boolean";
      case CHOICE:
        return "enum";
      case CHOICE_LIST:
        return "list of enum";
      default:
        throw new IllegalStateException("Unknown input kind " + kind);
    }
  }

  /** The range in the words the builders' violations use; how a list of choices is joined. */
  private static String rules(InputSpec.Field f) {
    Optional<String> min = f.minimum().map(InputTable::number);
    Optional<String> max = f.maximum().map(InputTable::number);
    if (min.isPresent() && max.isPresent()) {
      return "must be between " + min.get() + " and " + max.get();
    }
    if (min.isPresent()) {
      return "must be at least " + min.get();
    }
    if (max.isPresent()) {
      return "must be at most " + max.get();
    }
    return f.separator().map(s -> "joined with \"" + s + "\"").orElse("");
  }

  private static String number(Number n) {
    double d = n.doubleValue();
    return n instanceof Double && d != Math.rint(d) ? String.valueOf(d)
        : String.valueOf(n.longValue());
  }
}
