package com.example.quickstart;

import dev.replicate4j.models.ImageInput;
import dev.replicate4j.models.ModelInput;
import java.util.LinkedHashMap;
import java.util.Map;

/** A team's own model input, as the README's "Your own models" uses it. */
public final class MyUpscaleInput implements ModelInput {
  private final Map<String, Object> wire;

  private MyUpscaleInput(Map<String, Object> wire) {
    this.wire = Map.copyOf(wire);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Map<String, Object> toWire() {
    return wire;
  }

  /** Builds a {@link MyUpscaleInput}. */
  public static final class Builder {
    private final Map<String, Object> values = new LinkedHashMap<>();

    public Builder image(ImageInput image) {
      values.put("image", image.wireValue());
      return this;
    }

    public Builder scale(int scale) {
      values.put("scale", scale);
      return this;
    }

    public MyUpscaleInput build() {
      return new MyUpscaleInput(values);
    }
  }
}
