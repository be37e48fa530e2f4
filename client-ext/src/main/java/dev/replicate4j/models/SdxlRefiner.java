package dev.replicate4j.models;

/** Refiner modes of stability-ai/sdxl. */
public enum SdxlRefiner implements WireEnum {
  /** {@code no_refiner}, the default: no refiner pass. */
  NO_REFINER("no_refiner"),
  /**
   * {@code expert_ensemble_refiner}: base and refiner share the steps, split at {@code
   * high_noise_frac}.
   */
  EXPERT_ENSEMBLE_REFINER("expert_ensemble_refiner"),
  /** {@code base_image_refiner}: the refiner reworks the base image for {@code refine_steps}. */
  BASE_IMAGE_REFINER("base_image_refiner");

  private final String wireValue;

  SdxlRefiner(String wireValue) {
    this.wireValue = wireValue;
  }

  /**
   * The value the model expects, spelled exactly.
   *
   * @return the wire value
   */
  @Override
  public String wireValue() {
    return wireValue;
  }
}
