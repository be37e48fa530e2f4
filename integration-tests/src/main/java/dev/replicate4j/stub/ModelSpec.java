package dev.replicate4j.stub;

import dev.replicate4j.models.InputSpec;
import dev.replicate4j.models.Model;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One model version the stub knows: its inputs and their rules, and the shape of its output. */
final class ModelSpec {
  /** A field that breaks a rule, as Replicate reports it in {@code invalid_fields}. */
  static final class InvalidField {
    final String field;
    final String description;

    InvalidField(String field, String description) {
      this.field = field;
      this.description = description;
    }
  }

  final String model;
  final String version;
  final StubOutput output;
  final String stepsField;
  final long defaultSteps;
  private final Map<String, FieldRule> fields;
  private final Set<String> required;

  private ModelSpec(Builder b) {
    this.model = b.model;
    this.version = b.version;
    this.output = b.output;
    this.stepsField = b.stepsField;
    this.defaultSteps = b.defaultSteps;
    this.fields = new LinkedHashMap<>(b.fields);
    this.required = new LinkedHashSet<>(b.required);
  }

  static Builder builder(String model, String version, StubOutput output) {
    return new Builder(model, version, output);
  }

  /**
   * A model's inputs and rules as the SDK's generated input declares them, so the stub and the
   * typed builders come from the same schema file.
   */
  static Builder of(Model<?, ?> model, StubOutput output) {
    if (model.versionId().isEmpty() || model.owner().isEmpty()) {
      throw new IllegalArgumentException("The stub serves versions: " + model
          + " has no owner/name:version");
    }
    InputSpec<?> spec = model.inputSpec().orElseThrow(() -> new IllegalArgumentException(
        model + " has no input spec: register a model generated from a schema"));
    Builder builder = new Builder(spec.model(), model.versionId().orElseThrow(), output);
    for (InputSpec.Field field : spec.fields()) {
      FieldRule rule = rule(field);
      if (field.required()) {
        builder.required(field.name(), rule);
      } else {
        builder.optional(field.name(), rule);
      }
    }
    return builder;
  }

  private static FieldRule rule(InputSpec.Field field) {
    switch (field.kind()) {
      case IMAGE:
        return FieldRule.uri();
      case INTEGER:
        if (!field.allowed().isEmpty()) {
          return FieldRule.oneOf(field.allowed().stream().mapToLong(v -> (Long) v).toArray());
        }
        return field.minimum().isEmpty() && field.maximum().isEmpty() ? FieldRule.integer()
            : FieldRule.integer(field.minimum().map(Number::longValue).orElse(Long.MIN_VALUE),
                field.maximum().map(Number::longValue).orElse(Long.MAX_VALUE));
      case NUMBER:
        return field.minimum().isEmpty() && field.maximum().isEmpty() ? FieldRule.number()
            : FieldRule.number(field.minimum().map(Number::doubleValue).orElse(-Double.MAX_VALUE),
                field.maximum().map(Number::doubleValue).orElse(Double.MAX_VALUE));
      case BOOLEAN:
        return FieldRule.bool();
      case CHOICE:
        return FieldRule.oneOf(field.allowed().toArray(new String[0]));
      case CHOICE_LIST:
        return FieldRule.commaSeparated(field.allowed().toArray(new String[0]));
      default:
        return FieldRule.text();
    }
  }

  /** Every rule the input breaks, in a stable order: missing fields first, then bad values. */
  List<InvalidField> check(Map<String, Object> input) {
    List<InvalidField> invalid = new ArrayList<>();
    for (String name : required) {
      Object value = input.get(name);
      if (value == null || "".equals(value)) {
        invalid.add(new InvalidField(name, name + " is required"));
      }
    }
    for (Map.Entry<String, Object> entry : input.entrySet()) {
      FieldRule rule = fields.get(entry.getKey());
      if (rule == null) {
        invalid.add(new InvalidField(entry.getKey(),
            "Additional property " + entry.getKey() + " is not allowed (not an input of " + model + ")"));
      } else if (entry.getValue() != null && !(required.contains(entry.getKey())
          && "".equals(entry.getValue()))) {
        String broken = rule.check(entry.getValue());
        if (broken != null) {
          invalid.add(new InvalidField(entry.getKey(),
              entry.getKey() + " " + broken + " (got " + Json.write(entry.getValue()) + ")"));
        }
      }
    }
    return invalid;
  }

  /** Collects the fields of one model. */
  static final class Builder {
    private final String model;
    private final String version;
    private final StubOutput output;
    private final Map<String, FieldRule> fields = new LinkedHashMap<>();
    private final Set<String> required = new LinkedHashSet<>();
    private String stepsField;
    private long defaultSteps = 20;

    private Builder(String model, String version, StubOutput output) {
      this.model = model;
      this.version = version;
      this.output = output;
    }

    Builder optional(String name, FieldRule rule) {
      fields.put(name, rule);
      return this;
    }

    Builder required(String name, FieldRule rule) {
      fields.put(name, rule);
      required.add(name);
      return this;
    }

    /** The field that holds the number of denoising steps, shown as the progress bar's total. */
    Builder steps(String name, long defaultValue) {
      this.stepsField = name;
      this.defaultSteps = defaultValue;
      return this;
    }

    ModelSpec build() {
      return new ModelSpec(this);
    }
  }
}
