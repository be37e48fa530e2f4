package dev.replicate4j.models;

import dev.replicate4j.ValidationException;
import java.util.HashMap;
import java.util.Map;

/**
 * Input of stability-ai/stable-diffusion-img2img (version 15a3689e): variations of an image.
 * Required: {@code image}. There is no width or height: the output follows the input image.
 *
 * <p>Only the fields you set are sent; each setter gives the model's default for a field left
 * unset, and passing null to an object-typed setter unsets it. {@link Builder#build()} checks every
 * rule and reports every violation at once in a {@link ValidationException}.
 */
public final class StableDiffusionImg2ImgInput extends CatalogInput {
  static final InputSchema SCHEMA = InputSchema.of("stability-ai/stable-diffusion-img2img")
      .optional("prompt", "negative_prompt")
      .required("image")
      .finite("prompt_strength")
      .between("num_outputs", 1, 8)
      .between("num_inference_steps", 1, 500)
      .between("guidance_scale", 1.0, 20.0)
      .optional("scheduler", "seed")
      .build();

  private StableDiffusionImg2ImgInput(Builder builder) {
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

  /** Builds a {@link StableDiffusionImg2ImgInput}; see the class description. */
  public static final class Builder {
    private final Map<String, Object> values;

    private Builder(Map<String, Object> values) {
      this.values = values;
    }

    /**
     * <code>prompt</code>: the prompt. Default {@code "A fantasy landscape, trending on
     * artstation"}.
     *
     * @param prompt the text, or null to unset
     * @return this builder
     */
    public Builder prompt(String prompt) {
      InputValues.put(values, "prompt", prompt);
      return this;
    }

    /**
     * <code>negative_prompt</code>: what not to see (ignored without guidance). Default: none.
     *
     * @param negativePrompt the text, or null to unset
     * @return this builder
     */
    public Builder negativePrompt(String negativePrompt) {
      InputValues.put(values, "negative_prompt", negativePrompt);
      return this;
    }

    /**
     * <code>image</code>: the initial image to make variations of. <b>Required.</b>
     *
     * @param image the image, or null to unset
     * @return this builder
     */
    public Builder image(ImageInput image) {
      InputValues.put(values, "image", image);
      return this;
    }

    /**
     * <code>prompt_strength</code>: how much the prompt overrides the image; 1.0 destroys the
     * initial image entirely. The model declares no range (0 to 1 in practice), so any finite
     * number is sent. Default 0.8.
     *
     * @param promptStrength the value
     * @return this builder
     */
    public Builder promptStrength(double promptStrength) {
      InputValues.put(values, "prompt_strength", promptStrength);
      return this;
    }

    /**
     * <code>num_outputs</code>: number of images, 1 to 8 (high numbers may run out of memory).
     * Default 1.
     *
     * @param numOutputs the value
     * @return this builder
     */
    public Builder numOutputs(int numOutputs) {
      InputValues.put(values, "num_outputs", numOutputs);
      return this;
    }

    /**
     * <code>num_inference_steps</code>: denoising steps, 1 to 500. Default 25.
     *
     * @param numInferenceSteps the value
     * @return this builder
     */
    public Builder numInferenceSteps(int numInferenceSteps) {
      InputValues.put(values, "num_inference_steps", numInferenceSteps);
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
     * <code>scheduler</code>: scheduler: {@link StableDiffusionScheduler}. Default {@code
     * DPMSolverMultistep}.
     *
     * @param scheduler the value, or null to unset
     * @return this builder
     */
    public Builder scheduler(StableDiffusionScheduler scheduler) {
      InputValues.put(values, "scheduler", scheduler);
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
     * Checks every rule and builds the input.
     *
     * @return the input
     * @throws ValidationException listing every violation, each naming the model, the field, the
     *     value and the rule
     */
    public StableDiffusionImg2ImgInput build() {
      return new StableDiffusionImg2ImgInput(this);
    }
  }
}
