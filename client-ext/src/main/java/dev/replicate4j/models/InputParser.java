package dev.replicate4j.models;

import dev.replicate4j.ValidationException;
import dev.replicate4j.ValidationException.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds a model's typed input from text {@code key=value} pairs; the work behind
 * {@link Model#parseInput(Map)}.
 *
 * <p>It goes through the input class's own builder, found by reflection, rather than a table of
 * fields per class: a field added to an input (its schema entry and its setter) is then parseable
 * with no second list to keep in step, the builder's checks are the only checks, and a downstream
 * team's input class works the same way as ours. The conventions an input class must follow are
 * documented on {@link Model#parseInput(Map)}; {@link BuilderShape} finds the methods,
 * {@link TextValues} converts the text.
 */
final class InputParser {
  private InputParser() {}

  /** See {@link Model#parseInput(Map)}. */
  static <I extends ModelInput> I parse(Model<I, ?> model, Map<String, String> values) {
    Objects.requireNonNull(values, "values");
    values.forEach((key, value) -> {
      Objects.requireNonNull(key, "values has a null key");
      Objects.requireNonNull(value, () -> "values has a null value for " + key);
    });
    if (model.inputType() == GenericInput.class) {
      return model.inputType().cast(generic(model.label(), values));
    }
    return typed(model, values);
  }

  private static <I extends ModelInput> I typed(Model<I, ?> model, Map<String, String> values) {
    String label = model.label();
    BuilderShape shape = BuilderShape.of(model.inputType());
    Object builder = shape.newBuilder();
    List<Violation> violations = new ArrayList<>();
    Set<String> unconverted = new HashSet<>();
    for (Map.Entry<String, String> entry : values.entrySet()) {
      String field = entry.getKey();
      String shown = Texts.describe(entry.getValue());
      BuilderShape.Setter setter = shape.setter(field);
      List<String> problems = new ArrayList<>();
      Object value = null;
      if (setter == null) {
        problems.add("unknown input; this model takes: " + shape.fieldList());
      } else if (setter.unsupported() != null) {
        problems.add(setter.unsupported());
      } else {
        value = TextValues.convert(setter.type(), entry.getValue(), problems::add);
      }
      if (problems.isEmpty()) {
        try {
          setter.apply(builder, value);
        } catch (ValidationException e) {
          violations.addAll(e.violations());
          unconverted.add(field);
        } catch (IllegalArgumentException e) {
          // A setter of someone else's input that checks eagerly: its message is the rule.
          problems.add(e.getMessage() != null ? e.getMessage() : e.toString());
        }
      }
      for (String problem : problems) {
        violations.add(new Violation(label, field, shown, problem));
        unconverted.add(field);
      }
    }
    try {
      I input = model.inputType().cast(shape.build(builder));
      if (violations.isEmpty()) {
        return input;
      }
    } catch (ValidationException e) {
      // A field whose text did not convert was never set: "missing" would only repeat that.
      for (Violation violation : e.violations()) {
        if (!unconverted.contains(violation.field())) {
          violations.add(violation);
        }
      }
    }
    throw new ValidationException(violations);
  }

  private static GenericInput generic(String label, Map<String, String> values) {
    List<Violation> violations = new ArrayList<>();
    Map<String, Object> json = new LinkedHashMap<>();
    values.forEach((key, text) -> {
      if (key.isBlank()) {
        violations.add(new Violation(label, key, Texts.describe(text),
            "an input needs a name before the ="));
        return;
      }
      Object value = TextValues.json(text,
          problem -> violations.add(new Violation(label, key, Texts.describe(text), problem)));
      if (value != null) {
        json.put(key, value);
      }
    });
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
    return GenericInput.of(json);
  }
}
