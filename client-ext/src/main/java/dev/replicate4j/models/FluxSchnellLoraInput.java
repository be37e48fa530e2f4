package dev.replicate4j.models;

import dev.replicate4j.ValidationException;
import java.util.HashMap;
import java.util.Map;

/**
 * Input of lucataco/flux-schnell-lora (version 2a6b576a): FLUX.1 [schnell] with optional LoRA
 * weights, text to image or image to image. Required: {@code prompt}. Guidance is fixed by the
 * model and is not an input.
 *
 * <p>Only the fields you set are sent; each setter gives the model's default for a field left
 * unset, and passing null to an object-typed setter unsets it. {@link Builder#build()} checks every
 * rule and reports every violation at once in a {@link ValidationException}.
 */
public final class FluxSchnellLoraInput extends CatalogInput {
  static final InputSchema SCHEMA = InputSchema.of("lucataco/flux-schnell-lora")
      .required("prompt")
      .optional("aspect_ratio", "image")
      .between("prompt_strength", 0.0, 1.0)
      .between("num_outputs", 1, 4)
      .between("num_inference_steps", 1, 12)
      .optional("seed", "output_format")
      .between("output_quality", 0, 100)
      .optional("hf_lora")
      .between("lora_scale", 0.0, 1.0)
      .optional("disable_safety_checker")
      .build();

  private FluxSchnellLoraInput(Builder builder) {
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

  /** Builds a {@link FluxSchnellLoraInput}; see the class description. */
  public static final class Builder {
    private final Map<String, Object> values;

    private Builder(Map<String, Object> values) {
      this.values = values;
    }

    /**
     * <code>prompt</code>: the prompt. <b>Required.</b>
     *
     * @param prompt the text, or null to unset
     * @return this builder
     */
    public Builder prompt(String prompt) {
      InputValues.put(values, "prompt", prompt);
      return this;
    }

    /**
     * <code>aspect_ratio</code>: output aspect ratio: {@link FluxAspectRatio}, which also gives the
     * pixel sizes; ignored in image-to-image mode. Default {@code 1:1}.
     *
     * @param aspectRatio the value, or null to unset
     * @return this builder
     */
    public Builder aspectRatio(FluxAspectRatio aspectRatio) {
      InputValues.put(values, "aspect_ratio", aspectRatio);
      return this;
    }

    /**
     * <code>image</code>: input image for image-to-image mode; the output follows its aspect.
     * Default: none.
     *
     * @param image the image, or null to unset
     * @return this builder
     */
    public Builder image(ImageInput image) {
      InputValues.put(values, "image", image);
      return this;
    }

    /**
     * <code>prompt_strength</code>: image-to-image strength, 0 to 1. Default 0.8.
     *
     * @param promptStrength the value
     * @return this builder
     */
    public Builder promptStrength(double promptStrength) {
      InputValues.put(values, "prompt_strength", promptStrength);
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
     * <code>num_inference_steps</code>: denoising steps, 1 to 12. Default 4.
     *
     * @param numInferenceSteps the value
     * @return this builder
     */
    public Builder numInferenceSteps(int numInferenceSteps) {
      InputValues.put(values, "num_inference_steps", numInferenceSteps);
      return this;
    }

    /**
     * <code>seed</code>: random seed, for reproducible output. Default: none, a random seed each
     * run.
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      InputValues.put(values, "seed", seed);
      return this;
    }

    /**
     * <code>output_format</code>: file format: {@link FluxOutputFormat}. Default {@code webp}.
     *
     * @param outputFormat the value, or null to unset
     * @return this builder
     */
    public Builder outputFormat(FluxOutputFormat outputFormat) {
      InputValues.put(values, "output_format", outputFormat);
      return this;
    }

    /**
     * <code>output_quality</code>: quality of jpg and webp output, 0 to 100 (not used for png).
     * Default 80.
     *
     * @param outputQuality the value
     * @return this builder
     */
    public Builder outputQuality(int outputQuality) {
      InputValues.put(values, "output_quality", outputQuality);
      return this;
    }

    /**
     * <code>hf_lora</code>: LoRA weights: a Hugging Face repo {@code owner/name}, a {@code
     * https://replicate.delivery/.../trained_model.tar} URL, a {@code https://huggingface.co/...}
     * file URL, a Civitai download URL, or any URL ending in {@code .safetensors}. Not checked
     * here. Default: none.
     *
     * @param hfLora the text, or null to unset
     * @return this builder
     */
    public Builder hfLora(String hfLora) {
      InputValues.put(values, "hf_lora", hfLora);
      return this;
    }

    /**
     * <code>lora_scale</code>: LoRA scale, 0 to 1. Default 0.8.
     *
     * @param loraScale the value
     * @return this builder
     */
    public Builder loraScale(double loraScale) {
      InputValues.put(values, "lora_scale", loraScale);
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
    public FluxSchnellLoraInput build() {
      return new FluxSchnellLoraInput(this);
    }
  }
}
