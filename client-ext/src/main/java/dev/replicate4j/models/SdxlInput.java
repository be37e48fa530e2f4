package dev.replicate4j.models;

import dev.replicate4j.ValidationException;
import java.util.HashMap;
import java.util.Map;

/**
 * Input of stability-ai/sdxl (version 7762fd07). No field is required. With {@code image} and
 * {@code mask} it inpaints, with {@code image} alone it works image to image (width and height are
 * then not used), otherwise text to image.
 *
 * <p>Only the fields you set are sent; each setter gives the model's default for a field left
 * unset, and passing null to an object-typed setter unsets it. {@link Builder#build()} checks every
 * rule and reports every violation at once in a {@link ValidationException}.
 */
public final class SdxlInput extends CatalogInput {
  static final InputSchema SCHEMA = InputSchema.of("stability-ai/sdxl")
      .optional("prompt", "negative_prompt", "image", "mask", "width", "height")
      .between("num_outputs", 1, 4)
      .optional("scheduler")
      .between("num_inference_steps", 1, 500)
      .between("guidance_scale", 1.0, 50.0)
      .between("prompt_strength", 0.0, 1.0)
      .optional("seed", "refine")
      .between("high_noise_frac", 0.0, 1.0)
      .optional("refine_steps", "apply_watermark")
      .between("lora_scale", 0.0, 1.0)
      .optional("replicate_weights", "disable_safety_checker")
      .build();

  private SdxlInput(Builder builder) {
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

  /** Builds a {@link SdxlInput}; see the class description. */
  public static final class Builder {
    private final Map<String, Object> values;

    private Builder(Map<String, Object> values) {
      this.values = values;
    }

    /**
     * <code>prompt</code>: the prompt. Default {@code "An astronaut riding a rainbow unicorn"}.
     *
     * @param prompt the text, or null to unset
     * @return this builder
     */
    public Builder prompt(String prompt) {
      InputValues.put(values, "prompt", prompt);
      return this;
    }

    /**
     * <code>negative_prompt</code>: negative prompt. Default {@code ""}.
     *
     * @param negativePrompt the text, or null to unset
     * @return this builder
     */
    public Builder negativePrompt(String negativePrompt) {
      InputValues.put(values, "negative_prompt", negativePrompt);
      return this;
    }

    /**
     * <code>image</code>: input image for image-to-image or inpainting. Default: none.
     *
     * @param image the image, or null to unset
     * @return this builder
     */
    public Builder image(ImageInput image) {
      InputValues.put(values, "image", image);
      return this;
    }

    /**
     * <code>mask</code>: inpainting mask, black keeps and white repaints; used only together with
     * {@code image}. Default: none.
     *
     * @param mask the image, or null to unset
     * @return this builder
     */
    public Builder mask(ImageInput mask) {
      InputValues.put(values, "mask", mask);
      return this;
    }

    /**
     * <code>width</code>: output width in pixels; the model sets no limit. Default 1024.
     *
     * @param width the value
     * @return this builder
     */
    public Builder width(int width) {
      InputValues.put(values, "width", width);
      return this;
    }

    /**
     * <code>height</code>: output height in pixels; the model sets no limit. Default 1024.
     *
     * @param height the value
     * @return this builder
     */
    public Builder height(int height) {
      InputValues.put(values, "height", height);
      return this;
    }

    /**
     * <code>num_outputs</code>: number of images, 1 to 4. Images the safety checker flags are left
     * out, so fewer may come back. Default 1.
     *
     * @param numOutputs the value
     * @return this builder
     */
    public Builder numOutputs(int numOutputs) {
      InputValues.put(values, "num_outputs", numOutputs);
      return this;
    }

    /**
     * <code>scheduler</code>: scheduler: {@link SdxlScheduler}. Default {@code K_EULER}.
     *
     * @param scheduler the value, or null to unset
     * @return this builder
     */
    public Builder scheduler(SdxlScheduler scheduler) {
      InputValues.put(values, "scheduler", scheduler);
      return this;
    }

    /**
     * <code>num_inference_steps</code>: denoising steps, 1 to 500. Default 50.
     *
     * @param numInferenceSteps the value
     * @return this builder
     */
    public Builder numInferenceSteps(int numInferenceSteps) {
      InputValues.put(values, "num_inference_steps", numInferenceSteps);
      return this;
    }

    /**
     * <code>guidance_scale</code>: classifier-free guidance scale, 1 to 50. Default 7.5.
     *
     * @param guidanceScale the value
     * @return this builder
     */
    public Builder guidanceScale(double guidanceScale) {
      InputValues.put(values, "guidance_scale", guidanceScale);
      return this;
    }

    /**
     * <code>prompt_strength</code>: image-to-image or inpainting strength, 0 to 1; 1 destroys the
     * input image entirely. Default 0.8.
     *
     * @param promptStrength the value
     * @return this builder
     */
    public Builder promptStrength(double promptStrength) {
      InputValues.put(values, "prompt_strength", promptStrength);
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
     * <code>refine</code>: refiner mode: {@link SdxlRefiner}. Default {@code no_refiner}.
     *
     * @param refine the value, or null to unset
     * @return this builder
     */
    public Builder refine(SdxlRefiner refine) {
      InputValues.put(values, "refine", refine);
      return this;
    }

    /**
     * <code>high_noise_frac</code>: for {@code expert_ensemble_refiner}, the fraction of noise the
     * base model removes, 0 to 1. Default 0.8.
     *
     * @param highNoiseFrac the value
     * @return this builder
     */
    public Builder highNoiseFrac(double highNoiseFrac) {
      InputValues.put(values, "high_noise_frac", highNoiseFrac);
      return this;
    }

    /**
     * <code>refine_steps</code>: for {@code base_image_refiner}, the refiner's steps; the model
     * sets no limit. Default: {@code num_inference_steps}.
     *
     * @param refineSteps the value
     * @return this builder
     */
    public Builder refineSteps(int refineSteps) {
      InputValues.put(values, "refine_steps", refineSteps);
      return this;
    }

    /**
     * <code>apply_watermark</code>: adds an invisible watermark. Default true.
     *
     * @param applyWatermark true or false
     * @return this builder
     */
    public Builder applyWatermark(boolean applyWatermark) {
      InputValues.put(values, "apply_watermark", applyWatermark);
      return this;
    }

    /**
     * <code>lora_scale</code>: LoRA scale, 0 to 1; only for trained (LoRA) models. Default 0.6.
     *
     * @param loraScale the value
     * @return this builder
     */
    public Builder loraScale(double loraScale) {
      InputValues.put(values, "lora_scale", loraScale);
      return this;
    }

    /**
     * <code>replicate_weights</code>: Replicate LoRA weights URL. Default: none.
     *
     * @param replicateWeights the text, or null to unset
     * @return this builder
     */
    public Builder replicateWeights(String replicateWeights) {
      InputValues.put(values, "replicate_weights", replicateWeights);
      return this;
    }

    /**
     * <code>disable_safety_checker</code>: turns the NSFW safety checker off (API only). Default
     * false.
     *
     * @param disableSafetyChecker true or false
     * @return this builder
     */
    public Builder disableSafetyChecker(boolean disableSafetyChecker) {
      InputValues.put(values, "disable_safety_checker", disableSafetyChecker);
      return this;
    }

    /**
     * Checks every rule and builds the input.
     *
     * @return the input
     * @throws ValidationException listing every violation, each naming the model, the field, the
     *     value and the rule
     */
    public SdxlInput build() {
      return new SdxlInput(this);
    }
  }
}
