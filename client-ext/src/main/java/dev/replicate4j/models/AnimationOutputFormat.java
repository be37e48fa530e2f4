package dev.replicate4j.models;

/** Video formats of andreasjansson/stable-diffusion-animation. */
public enum AnimationOutputFormat implements WireEnum {
  /** {@code gif}, the default. */
  GIF("gif"),
  /** {@code mp4}. */
  MP4("mp4");

  private final String wireValue;

  AnimationOutputFormat(String wireValue) {
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
