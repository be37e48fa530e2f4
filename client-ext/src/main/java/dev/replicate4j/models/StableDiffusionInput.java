package dev.replicate4j.models;

import dev.replicate4j.ValidationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Input of stability-ai/stable-diffusion (version ac732df8), Stable Diffusion 2.1 text to image. No
 * field is required.
 *
 * <p>Only the fields you set are sent; each setter gives the model's default for a field left
 * unset, and passing null to an object-typed setter unsets it. {@link Builder#build()} checks every
 * rule and reports every violation at once in a {@link ValidationException}.
 */
public final class StableDiffusionInput extends CatalogInput {
  /** Widths and heights stable-diffusion and its inpainting model accept: 64 to 1024, step 64. */
  static final List<Integer> SIZES =
      IntStream.rangeClosed(1, 16).map(i -> i * 64).boxed().toList();

  static final InputSchema SCHEMA = InputSchema.of("stability-ai/stable-diffusion")
      .optional("prompt")
      .oneOf("height", SIZES)
      .oneOf("width", SIZES)
      .optional("negative_prompt")
      .between("num_outputs", 1, 4)
      .between("num_inference_steps", 1, 500)
      .between("guidance_scale", 1.0, 20.0)
      .optional("scheduler", "seed")
      .build();

  private StableDiffusionInput(Builder builder) {
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

  /** Builds a {@link StableDiffusionInput}; see the class description. */
  public static final class Builder {
    private final Map<String, Object> values;

    private Builder(Map<String, Object> values) {
      this.values = values;
    }

    /**
     * <code>prompt</code>: the prompt. Default {@code "a vision of paradise. unreal engine"}.
     *
     * @param prompt the text, or null to unset
     * @return this builder
     */
    public Builder prompt(String prompt) {
      InputValues.put(values, "prompt", prompt);
      return this;
    }

    /**
     * <code>height</code>: output height in pixels, one of 64, 128, ..., 1024 (multiples of 64 up
     * to 1024). Default 768.
     *
     * @param height the value
     * @return this builder
     */
    public Builder height(int height) {
      InputValues.put(values, "height", height);
      return this;
    }

    /**
     * <code>width</code>: output width in pixels, one of 64, 128, ..., 1024 (multiples of 64 up to
     * 1024). Default 768.
     *
     * @param width the value
     * @return this builder
     */
    public Builder width(int width) {
      InputValues.put(values, "width", width);
      return this;
    }

    /**
     * <code>negative_prompt</code>: what not to see in the output. Default: none.
     *
     * @param negativePrompt the text, or null to unset
     * @return this builder
     */
    public Builder negativePrompt(String negativePrompt) {
      InputValues.put(values, "negative_prompt", negativePrompt);
      return this;
    }

    /**
     * <code>num_outputs</code>: number of images, 1 to 4. Default 1.
     *
     * @param numOutputs the value
     * @return this builder
     */
    public Builder numOutputs(int numOutputs) {
      InputValues.put(values, "num_outputs", numOutputs);
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
    public StableDiffusionInput build() {
      return new StableDiffusionInput(this);
    }
  }
}
