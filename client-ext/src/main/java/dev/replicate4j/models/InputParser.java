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
 * <p>It goes through the input's own builder, by the setters its {@link InputSpec} holds, so the
 * builder's checks are the only checks and a field generated into an input is parseable with no
 * second list to keep in step; {@link TextConverter} converts the text by the field's kind.
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
    InputSpec<I> spec = model.inputSpec().orElseThrow(() -> new IllegalArgumentException(
        model.label() + ": " + model.inputType().getName() + " has no InputSpec, so it can only be "
            + "built in code; give the model one with Model.Builder.inputSpec"));
    return typed(model.label(), spec, values);
  }

  private static <I extends ModelInput> I typed(String label, InputSpec<I> spec,
      Map<String, String> values) {
    Object builder = spec.newBuilder();
    List<Violation> violations = new ArrayList<>();
    Set<String> unconverted = new HashSet<>();
    for (Map.Entry<String, String> entry : values.entrySet()) {
      String field = entry.getKey();
      String shown = Texts.describe(entry.getValue());
      InputSpec.Rule rule = spec.rule(field);
      List<String> problems = new ArrayList<>();
      Object value = null;
      if (rule == null) {
        problems.add("unknown input; this model takes: " + String.join(", ", spec.fieldNames()));
      } else {
        value = TextConverter.convert(rule, entry.getValue(), problems::add);
      }
      if (problems.isEmpty()) {
        rule.setter.accept(builder, value);
      }
      for (String problem : problems) {
        violations.add(new Violation(label, field, shown, problem));
        unconverted.add(field);
      }
    }
    try {
      I input = spec.build(builder);
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
      Object value = TextConverter.json(text,
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
