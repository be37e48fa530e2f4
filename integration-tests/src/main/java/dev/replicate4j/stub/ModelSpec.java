package dev.replicate4j.stub;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One model version the stub knows: its inputs and their rules, and the shape of its output. */
final class ModelSpec {
  /** The shape and file type of a model's output. */
  enum OutputKind {
    /** An array of {@code num_outputs} PNG URIs. */
    PNG_ARRAY,
    /** An array of {@code num_outputs} URIs in {@code output_format} (webp, jpg, png). */
    FORMAT_ARRAY,
    /** An array: PNG frames when {@code intermediate_output}, then the gif or mp4 last. */
    ANIMATION,
    /** One mp4 URI. */
    SINGLE_MP4,
    /** One PNG URI. */
    SINGLE_PNG,
    /** One PNG URI with a transparent background. */
    SINGLE_RGBA_PNG
  }

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
  final OutputKind output;
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

  static Builder builder(String model, String version, OutputKind output) {
    return new Builder(model, version, output);
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
    private final OutputKind output;
    private final Map<String, FieldRule> fields = new LinkedHashMap<>();
    private final Set<String> required = new LinkedHashSet<>();
    private String stepsField;
    private long defaultSteps = 20;

    private Builder(String model, String version, OutputKind output) {
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
