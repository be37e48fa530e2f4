package dev.replicate4j.models;

/** Output file formats of the flux LoRA models. */
public enum FluxOutputFormat implements WireEnum {
  /** {@code webp}, the default. */
  WEBP("webp"),
  /** {@code jpg}. */
  JPG("jpg"),
  /** {@code png} ({@code output_quality} does not apply). */
  PNG("png");

  private final String wireValue;

  FluxOutputFormat(String wireValue) {
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
