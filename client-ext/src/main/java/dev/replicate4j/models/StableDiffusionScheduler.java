package dev.replicate4j.models;

/**
 * Schedulers of stable-diffusion, stable-diffusion-inpainting and stable-diffusion-img2img (not
 * SDXL's set: see {@link SdxlScheduler}).
 */
public enum StableDiffusionScheduler implements WireEnum {
  /** {@code DDIM}. */
  DDIM("DDIM"),
  /** {@code K_EULER}. */
  K_EULER("K_EULER"),
  /** {@code DPMSolverMultistep}, the models' default. */
  DPM_SOLVER_MULTISTEP("DPMSolverMultistep"),
  /** {@code K_EULER_ANCESTRAL}. */
  K_EULER_ANCESTRAL("K_EULER_ANCESTRAL"),
  /** {@code PNDM}. */
  PNDM("PNDM"),
  /** {@code KLMS} (not available in SDXL). */
  KLMS("KLMS");

  private final String wireValue;

  StableDiffusionScheduler(String wireValue) {
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
