package com.example.upscale;

import dev.replicate4j.models.ModelInput;
import java.util.Map;

/** Breaks the builder conventions: two text-convertible setters for one field. */
public final class AmbiguousInput implements ModelInput {
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
    return Map.of();
  }

  /** Builds an {@link AmbiguousInput}. */
  public static final class Builder {
    public Builder seed(int seed) {
      return this;
    }

    public Builder seed(String seed) {
      return this;
    }

    public AmbiguousInput build() {
      return new AmbiguousInput();
    }
  }
}
