package dev.replicate4j.models;

import java.util.Map;

/**
 * The input of one model run. Implementations are immutable and validated when built, so an
 * instance is always one the model accepts as far as this SDK knows.
 */
public interface ModelInput {
  /**
   * The JSON {@code input} object: only the fields the caller set, so the model's own defaults
   * apply to the rest. Values are String, Integer, Long, Double, Boolean, or a List of those.
   *
   * @return an unmodifiable map from wire name to value
   */
  Map<String, Object> toWire();
}
