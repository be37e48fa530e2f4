package dev.replicate4j.models;

import dev.replicate4j.ValidationException;
import java.util.HashMap;
import java.util.Map;

/**
 * Input of lucataco/animate-diff (version beecf59c): a 16-frame 512x512 mp4 from a prompt (size and
 * length are fixed by the model). No field is required.
 *
 * <p>Only the fields you set are sent; each setter gives the model's default for a field left
 * unset, and passing null to an object-typed setter unsets it. {@link Builder#build()} checks every
 * rule and reports every violation at once in a {@link ValidationException}.
 */
public final class AnimateDiffInput extends CatalogInput {
  static final InputSchema SCHEMA = InputSchema.of("lucataco/animate-diff")
      .optional("motion_module", "path", "prompt", "n_prompt")
      .between("steps", 1, 100)
      .between("guidance_scale", 1.0, 10.0)
      .optional("seed")
      .build();

  private AnimateDiffInput(Builder builder) {
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

  /** Builds a {@link AnimateDiffInput}; see the class description. */
  public static final class Builder {
    private final Map<String, Object> values;

    private Builder(Map<String, Object> values) {
      this.values = values;
    }

    /**
     * <code>motion_module</code>: motion module: {@link AnimateDiffMotionModule}. Default {@code
     * mm_sd_v14}.
     *
     * @param motionModule the value, or null to unset
     * @return this builder
     */
    public Builder motionModule(AnimateDiffMotionModule motionModule) {
      InputValues.put(values, "motion_module", motionModule);
      return this;
    }

    /**
     * <code>path</code>: the DreamBooth/LoRA base model: {@link AnimateDiffBasePath}. Default
     * {@code toonyou_beta3.safetensors}.
     *
     * @param path the value, or null to unset
     * @return this builder
     */
    public Builder path(AnimateDiffBasePath path) {
      InputValues.put(values, "path", path);
      return this;
    }

    /**
     * <code>prompt</code>: the prompt. Default {@code "masterpiece, best quality, 1girl, solo,
     * cherry blossoms, hanami, pink flower, white flower, spring season, wisteria, petals, flower,
     * plum blossoms, outdoors, falling petals, white hair, black eyes"}.
     *
     * @param prompt the text, or null to unset
     * @return this builder
     */
    public Builder prompt(String prompt) {
      InputValues.put(values, "prompt", prompt);
      return this;
    }

    /**
     * <code>n_prompt</code>: negative prompt. Default {@code ""}.
     *
     * @param nPrompt the text, or null to unset
     * @return this builder
     */
    public Builder nPrompt(String nPrompt) {
      InputValues.put(values, "n_prompt", nPrompt);
      return this;
    }

    /**
     * <code>steps</code>: inference steps, 1 to 100. Default 25.
     *
     * @param steps the value
     * @return this builder
     */
    public Builder steps(int steps) {
      InputValues.put(values, "steps", steps);
      return this;
    }

    /**
     * <code>guidance_scale</code>: guidance scale, 1 to 10. Default 7.5.
     *
     * @param guidanceScale the value
     * @return this builder
     */
    public Builder guidanceScale(double guidanceScale) {
      InputValues.put(values, "guidance_scale", guidanceScale);
      return this;
    }

    /**
     * <code>seed</code>: random seed; 0 is used as a seed like any other (the model's "0 = random"
     * note is not what its code does). Default: none, a random seed each run.
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
    public AnimateDiffInput build() {
      return new AnimateDiffInput(this);
    }
  }
}
