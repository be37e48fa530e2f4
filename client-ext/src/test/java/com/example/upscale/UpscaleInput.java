package com.example.upscale;

import dev.replicate4j.ValidationException;
import dev.replicate4j.ValidationException.Violation;
import dev.replicate4j.models.ImageInput;
import dev.replicate4j.models.ModelInput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A downstream team's own input, outside the SDK's package: it follows the builder conventions
 * without the SDK's internal schema, so text parsing must work from its builder alone.
 */
public final class UpscaleInput implements ModelInput {
  static final String MODEL = "acme/upscaler";

  private final Map<String, Object> wire;

  private UpscaleInput(Map<String, Object> wire) {
    this.wire = Collections.unmodifiableMap(new LinkedHashMap<>(wire));
  }

  /**
   * Starts an input.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Map<String, Object> toWire() {
    return wire;
  }

  /** Face restorers, matched by their wire value. */
  public enum Face {
    /** {@code gfpgan}. */
    GFPGAN("gfpgan"),
    /** {@code CodeFormer}. */
    CODE_FORMER("CodeFormer");

    private final String wireValue;

    Face(String wireValue) {
      this.wireValue = wireValue;
    }

    /**
     * The spelling the model takes.
     *
     * @return the wire value
     */
    public String wireValue() {
      return wireValue;
    }
  }

  /** Modes without a wire spelling: sent, and matched, by constant name. */
  public enum Mode {
    /** Fast. */
    FAST,
    /** Best. */
    BEST
  }

  /** Builds an {@link UpscaleInput}; {@code image} is required and {@code scale} is 2 to 8. */
  public static final class Builder {
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Builder() {}

    public Builder image(ImageInput image) {
      values.put("image", image.wireValue());
      return this;
    }

    public Builder scale(int scale) {
      values.put("scale", scale);
      return this;
    }

    public Builder faceEnhance(boolean faceEnhance) {
      values.put("face_enhance", faceEnhance);
      return this;
    }

    public Builder face(Face face) {
      values.put("face", face.wireValue());
      return this;
    }

    public Builder mode(Mode mode) {
      values.put("mode", mode.name());
      return this;
    }

    public Builder strength(Double strength) {
      values.put("strength", strength);
      return this;
    }

    public Builder seed(Long seed) {
      values.put("seed", seed);
      return this;
    }

    public Builder tags(List<String> tags) {
      values.put("tags", List.copyOf(tags));
      return this;
    }

    /** A varargs overload, which text parsing ignores in favour of the List one. */
    public Builder tags(String... tags) {
      return tags(List.of(tags));
    }

    /** A setter that checks eagerly, as some teams' do. */
    public Builder label(String label) {
      if (label.isBlank()) {
        throw new IllegalArgumentException("label must not be blank");
      }
      values.put("label", label);
      return this;
    }

    /** A type text cannot express: this field can only be set in code. */
    public Builder metadata(Map<String, String> metadata) {
      values.put("metadata", Map.copyOf(metadata));
      return this;
    }

    public UpscaleInput build() {
      List<Violation> violations = new ArrayList<>();
      if (!values.containsKey("image")) {
        violations.add(new Violation(MODEL, "image", null, "required"));
      }
      Object scale = values.get("scale");
      if (scale != null && ((int) scale < 2 || (int) scale > 8)) {
        violations.add(new Violation(MODEL, "scale", scale.toString(), "must be between 2 and 8"));
      }
      if (!violations.isEmpty()) {
        throw new ValidationException(violations);
      }
      return new UpscaleInput(values);
    }
  }
}
