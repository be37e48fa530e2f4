package dev.replicate4j.models;

import dev.replicate4j.ValidationException;
import java.util.HashMap;
import java.util.Map;

/**
 * Input of cjwbw/rembg (version fb8af171): removes the background, giving an RGBA PNG. Required:
 * {@code image} (the schema gives it an empty default, but the model needs an image).
 *
 * <p>Only the fields you set are sent; each setter gives the model's default for a field left
 * unset, and passing null to an object-typed setter unsets it. {@link Builder#build()} checks every
 * rule and reports every violation at once in a {@link ValidationException}.
 */
public final class RembgInput extends CatalogInput {
  static final InputSchema SCHEMA = InputSchema.of("cjwbw/rembg")
      .required("image")
      .build();

  private RembgInput(Builder builder) {
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

  /** Builds a {@link RembgInput}; see the class description. */
  public static final class Builder {
    private final Map<String, Object> values;

    private Builder(Map<String, Object> values) {
      this.values = values;
    }

    /**
     * <code>image</code>: the input image. <b>Required.</b>
     *
     * @param image the image, or null to unset
     * @return this builder
     */
    public Builder image(ImageInput image) {
      InputValues.put(values, "image", image);
      return this;
    }

    /**
     * Checks every rule and builds the input.
     *
     * @return the input
     * @throws ValidationException listing every violation, each naming the model, the field, the
     *     value and the rule
     */
    public RembgInput build() {
      return new RembgInput(this);
    }
  }
}
