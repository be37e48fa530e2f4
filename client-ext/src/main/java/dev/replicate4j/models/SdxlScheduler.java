package dev.replicate4j.models;

/**
 * Schedulers of stability-ai/sdxl. {@code HeunDiscrete} and {@code KarrasDPM} exist only here; SDXL
 * has no {@code KLMS}.
 */
public enum SdxlScheduler implements WireEnum {
  /** {@code DDIM}. */
  DDIM("DDIM"),
  /** {@code DPMSolverMultistep}. */
  DPM_SOLVER_MULTISTEP("DPMSolverMultistep"),
  /** {@code HeunDiscrete}. */
  HEUN_DISCRETE("HeunDiscrete"),
  /** {@code KarrasDPM}: DPMSolverMultistep with Karras sigmas. */
  KARRAS_DPM("KarrasDPM"),
  /** {@code K_EULER_ANCESTRAL}. */
  K_EULER_ANCESTRAL("K_EULER_ANCESTRAL"),
  /** {@code K_EULER}, the model's default. */
  K_EULER("K_EULER"),
  /** {@code PNDM}. */
  PNDM("PNDM");

  private final String wireValue;

  SdxlScheduler(String wireValue) {
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
