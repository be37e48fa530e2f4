package dev.replicate4j.models;

/** DreamBooth/LoRA base models of lucataco/animate-diff (its {@code path} input). */
public enum AnimateDiffBasePath implements WireEnum {
  /** {@code toonyou_beta3.safetensors}, the default. */
  TOONYOU_BETA3("toonyou_beta3.safetensors"),
  /** {@code lyriel_v16.safetensors}. */
  LYRIEL_V16("lyriel_v16.safetensors"),
  /** {@code rcnzCartoon3d_v10.safetensors}. */
  RCNZ_CARTOON_3D_V10("rcnzCartoon3d_v10.safetensors"),
  /** {@code majicmixRealistic_v5Preview.safetensors}. */
  MAJICMIX_REALISTIC_V5_PREVIEW("majicmixRealistic_v5Preview.safetensors"),
  /** {@code realisticVisionV40_v20Novae.safetensors}. */
  REALISTIC_VISION_V40_V20_NOVAE("realisticVisionV40_v20Novae.safetensors");

  private final String wireValue;

  AnimateDiffBasePath(String wireValue) {
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
