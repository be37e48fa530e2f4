package dev.replicate4j.models;

/**
 * Aspect ratios of the flux LoRA models, with the pixel size each one produces in text-to-image
 * mode (in image-to-image mode the output follows the input image instead).
 */
public enum FluxAspectRatio implements WireEnum {
  /** {@code 1:1}, 1024×1024, the default. */
  RATIO_1_1("1:1", 1024, 1024),
  /** {@code 16:9}, 1344×768. */
  RATIO_16_9("16:9", 1344, 768),
  /** {@code 21:9}, 1536×640. */
  RATIO_21_9("21:9", 1536, 640),
  /** {@code 3:2}, 1216×832. */
  RATIO_3_2("3:2", 1216, 832),
  /** {@code 2:3}, 832×1216. */
  RATIO_2_3("2:3", 832, 1216),
  /** {@code 4:5}, 896×1088. */
  RATIO_4_5("4:5", 896, 1088),
  /** {@code 5:4}, 1088×896. */
  RATIO_5_4("5:4", 1088, 896),
  /** {@code 3:4}, 896×1152. */
  RATIO_3_4("3:4", 896, 1152),
  /** {@code 4:3}, 1152×896. */
  RATIO_4_3("4:3", 1152, 896),
  /** {@code 9:16}, 768×1344. */
  RATIO_9_16("9:16", 768, 1344),
  /** {@code 9:21}, 640×1536. */
  RATIO_9_21("9:21", 640, 1536);

  private final String wireValue;
  private final int width;
  private final int height;

  FluxAspectRatio(String wireValue, int width, int height) {
    this.wireValue = wireValue;
    this.width = width;
    this.height = height;
  }

  /**
   * The value the model expects, spelled exactly.
   *
   * @return the wire value, for example {@code 16:9}
   */
  @Override
  public String wireValue() {
    return wireValue;
  }

  /**
   * The output width in text-to-image mode.
   *
   * @return pixels
   */
  public int width() {
    return width;
  }

  /**
   * The output height in text-to-image mode.
   *
   * @return pixels
   */
  public int height() {
    return height;
  }
}
