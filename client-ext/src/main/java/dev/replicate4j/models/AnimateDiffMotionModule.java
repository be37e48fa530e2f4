package dev.replicate4j.models;

/** Motion modules of lucataco/animate-diff. */
public enum AnimateDiffMotionModule implements WireEnum {
  /** {@code mm_sd_v14}, the default. */
  MM_SD_V14("mm_sd_v14"),
  /** {@code mm_sd_v15}. */
  MM_SD_V15("mm_sd_v15"),
  /** {@code mm_sd_v15_v2}. */
  MM_SD_V15_V2("mm_sd_v15_v2");

  private final String wireValue;

  AnimateDiffMotionModule(String wireValue) {
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
