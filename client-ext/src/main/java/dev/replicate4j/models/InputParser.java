package dev.replicate4j.models;

import dev.replicate4j.ValidationException;
import dev.replicate4j.ValidationException.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

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
    Object builder = spec.newBuilder.get();
    List<Violation> violations = new ArrayList<>();
    values.forEach((field, text) -> {
      Consumer<String> problems = p -> violations.add(
          new Violation(label, field, Texts.describe(text), p));
      InputSpec.Rule rule = spec.rule(field);
      if (rule == null) {
        problems.accept("unknown input; this model takes: " + String.join(", ", spec.fieldNames()));
        return;
      }
      int before = violations.size();
      Object value = TextConverter.convert(rule, text, problems);
      if (violations.size() == before) {
        rule.setter.accept(builder, value);
      }
    });
    Set<String> unconverted = violations.stream().map(Violation::field)
        .collect(Collectors.toSet());
    try {
      I input = spec.build.apply(builder);
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
      Consumer<String> problems = p -> violations.add(
          new Violation(label, key, Texts.describe(text), p));
      Object value = key.isBlank() ? TextConverter.reject(problems,
          "an input needs a name before the =") : TextConverter.json(text, problems);
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
