package dev.replicate4j.models;

import dev.replicate4j.ValidationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Input of andreasjansson/stable-diffusion-animation (version ca1f5e30): an animation that moves
 * from one prompt to another. Required: {@code prompt_start} and {@code prompt_end}.
 *
 * <p>Only the fields you set are sent; each setter gives the model's default for a field left
 * unset, and passing null to an object-typed setter unsets it. {@link Builder#build()} checks every
 * rule and reports every violation at once in a {@link ValidationException}.
 */
public final class StableDiffusionAnimationInput extends CatalogInput {
  static final InputSchema SCHEMA = InputSchema.of("andreasjansson/stable-diffusion-animation")
      .required("prompt_start")
      .required("prompt_end")
      .oneOf("width", List.of(128, 256, 512, 768, 1024))
      .oneOf("height", List.of(128, 256, 512, 768))
      .between("num_inference_steps", 1, 500)
      .finite("prompt_strength")
      .between("num_animation_frames", 2, 50)
      .between("num_interpolation_steps", 1, 50)
      .between("guidance_scale", 1.0, 20.0)
      .between("gif_frames_per_second", 1, 50)
      .optional("gif_ping_pong", "film_interpolation", "intermediate_output")
      .optional("seed", "output_format")
      .build();

  private StableDiffusionAnimationInput(Builder builder) {
    super(new InputValues(SCHEMA, builder.values));
  }

  /**
   * Starts an input with no field set.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder(new HashMap<>());
  }

  /**
   * A builder holding this input's fields, to derive a changed copy.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    return new Builder(values.copy());
  }

  /** Builds a {@link StableDiffusionAnimationInput}; see the class description. */
  public static final class Builder {
    private final Map<String, Object> values;

    private Builder(Map<String, Object> values) {
      this.values = values;
    }

    /**
     * <code>prompt_start</code>: the prompt to start from. <b>Required.</b>
     *
     * @param promptStart the text, or null to unset
     * @return this builder
     */
    public Builder promptStart(String promptStart) {
      InputValues.put(values, "prompt_start", promptStart);
      return this;
    }

    /**
     * <code>prompt_end</code>: the prompt to end with; several prompts may be separated with {@code
     * |} to animate through each in turn. <b>Required.</b>
     *
     * @param promptEnd the text, or null to unset
     * @return this builder
     */
    public Builder promptEnd(String promptEnd) {
      InputValues.put(values, "prompt_end", promptEnd);
      return this;
    }

    /**
     * <code>width</code>: output width in pixels, one of 128, 256, 512, 768, 1024. Default 512.
     *
     * @param width the value
     * @return this builder
     */
    public Builder width(int width) {
      InputValues.put(values, "width", width);
      return this;
    }

    /**
     * <code>height</code>: output height in pixels, one of 128, 256, 512, 768. Default 512.
     *
     * @param height the value
     * @return this builder
     */
    public Builder height(int height) {
      InputValues.put(values, "height", height);
      return this;
    }

    /**
     * <code>num_inference_steps</code>: denoising steps per keyframe, 1 to 500. Default 50.
     *
     * @param numInferenceSteps the value
     * @return this builder
     */
    public Builder numInferenceSteps(int numInferenceSteps) {
      InputValues.put(values, "num_inference_steps", numInferenceSteps);
      return this;
    }

    /**
     * <code>prompt_strength</code>: lower is more coherent between frames, higher follows the
     * prompts more closely. The model declares no range, so any finite number is sent. Default 0.8.
     *
     * @param promptStrength the value
     * @return this builder
     */
    public Builder promptStrength(double promptStrength) {
      InputValues.put(values, "prompt_strength", promptStrength);
      return this;
    }

    /**
     * <code>num_animation_frames</code>: number of keyframes, 2 to 50. Default 10.
     *
     * @param numAnimationFrames the value
     * @return this builder
     */
    public Builder numAnimationFrames(int numAnimationFrames) {
      InputValues.put(values, "num_animation_frames", numAnimationFrames);
      return this;
    }

    /**
     * <code>num_interpolation_steps</code>: interpolation steps between keyframes, 1 to 50. Default
     * 5.
     *
     * @param numInterpolationSteps the value
     * @return this builder
     */
    public Builder numInterpolationSteps(int numInterpolationSteps) {
      InputValues.put(values, "num_interpolation_steps", numInterpolationSteps);
      return this;
    }

    /**
     * <code>guidance_scale</code>: classifier-free guidance scale, 1 to 20. Default 7.5.
     *
     * @param guidanceScale the value
     * @return this builder
     */
    public Builder guidanceScale(double guidanceScale) {
      InputValues.put(values, "guidance_scale", guidanceScale);
      return this;
    }

    /**
     * <code>gif_frames_per_second</code>: frames per second, 1 to 50 (also used for mp4). Default
     * 20.
     *
     * @param gifFramesPerSecond the value
     * @return this builder
     */
    public Builder gifFramesPerSecond(int gifFramesPerSecond) {
      InputValues.put(values, "gif_frames_per_second", gifFramesPerSecond);
      return this;
    }

    /**
     * <code>gif_ping_pong</code>: plays the animation in reverse back to the start before looping.
     * Default false.
     *
     * @param gifPingPong true or false
     * @return this builder
     */
    public Builder gifPingPong(boolean gifPingPong) {
      InputValues.put(values, "gif_ping_pong", gifPingPong);
      return this;
    }

    /**
     * <code>film_interpolation</code>: uses FILM interpolation between frames. Default true.
     *
     * @param filmInterpolation true or false
     * @return this builder
     */
    public Builder filmInterpolation(boolean filmInterpolation) {
      InputValues.put(values, "film_interpolation", filmInterpolation);
      return this;
    }

    /**
     * <code>intermediate_output</code>: also returns the PNG frames made along the way, before the
     * final video. Default false.
     *
     * @param intermediateOutput true or false
     * @return this builder
     */
    public Builder intermediateOutput(boolean intermediateOutput) {
      InputValues.put(values, "intermediate_output", intermediateOutput);
      return this;
    }

    /**
     * <code>seed</code>: random seed. Default: none, a random seed each run.
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      InputValues.put(values, "seed", seed);
      return this;
    }

    /**
     * <code>output_format</code>: video format: {@link AnimationOutputFormat}. Default {@code gif}.
     *
     * @param outputFormat the value, or null to unset
     * @return this builder
     */
    public Builder outputFormat(AnimationOutputFormat outputFormat) {
      InputValues.put(values, "output_format", outputFormat);
      return this;
    }

    /**
     * Checks every rule and builds the input.
     *
     * @return the input
     * @throws ValidationException listing every violation, each naming the model, the field, the
     *     value and the rule
     */
    public StableDiffusionAnimationInput build() {
      return new StableDiffusionAnimationInput(this);
    }
  }
}
