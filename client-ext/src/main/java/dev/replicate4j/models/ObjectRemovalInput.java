package dev.replicate4j.models;

import dev.replicate4j.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Input of sujaykhandekar/object-removal (version 153b0087): removes every object of the given
 * classes from an image (the output is likely 256x256). Required: {@code image_path}.
 *
 * <p>Only the fields you set are sent; each setter gives the model's default for a field left
 * unset, and passing null to an object-typed setter unsets it. {@link Builder#build()} checks every
 * rule and reports every violation at once in a {@link ValidationException}.
 */
public final class ObjectRemovalInput extends CatalogInput {
  static final InputSchema SCHEMA = InputSchema.of("sujaykhandekar/object-removal")
      .required("image_path")
      .check("objects_to_remove", ObjectRemovalInput::classesRule)
      .writeAs("objects_to_remove", ObjectRemovalInput::joined)
      .build();

  private ObjectRemovalInput(Builder builder) {
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

  /** An empty list or a null class is something the model cannot take. */
  private static String classesRule(Object value) {
    List<?> classes = (List<?>) value;
    if (classes.isEmpty()) {
      return "must name at least one class";
    }
    return classes.contains(null) ? "must not contain null" : null;
  }

  /** The model splits on "," without trimming, so no spaces. */
  private static Object joined(Object value) {
    return ((List<?>) value).stream().map(c -> ((ObjectClass) c).wireValue())
        .collect(Collectors.joining(","));
  }

  /** Builds a {@link ObjectRemovalInput}; see the class description. */
  public static final class Builder {
    private final Map<String, Object> values;

    private Builder(Map<String, Object> values) {
      this.values = values;
    }

    /**
     * <code>image_path</code>: the input image, ideally square. <b>Required.</b>
     *
     * @param imagePath the image, or null to unset
     * @return this builder
     */
    public Builder imagePath(ImageInput imagePath) {
      InputValues.put(values, "image_path", imagePath);
      return this;
    }

    /**
     * <code>objects_to_remove</code>: the classes to remove, sent comma-joined without spaces,
     * the only form the model accepts. At least one. Default {@code person,car} (an earlier
     * build of the model defaulted to {@code person}).
     *
     * @param objectsToRemove the classes, or null to unset
     * @return this builder
     */
    public Builder objectsToRemove(List<ObjectClass> objectsToRemove) {
      // A copy that keeps null elements, so build() can report them rather than throw here.
      InputValues.put(values, "objects_to_remove", objectsToRemove == null ? null
          : Collections.unmodifiableList(new ArrayList<>(objectsToRemove)));
      return this;
    }

    /**
     * <code>objects_to_remove</code>, as {@link #objectsToRemove(List)}.
     *
     * @param objectsToRemove the classes
     * @return this builder
     */
    public Builder objectsToRemove(ObjectClass... objectsToRemove) {
      return objectsToRemove(Arrays.asList(objectsToRemove));
    }

    /**
     * Checks every rule and builds the input.
     *
     * @return the input
     * @throws ValidationException listing every violation, each naming the model, the field, the
     *     value and the rule
     */
    public ObjectRemovalInput build() {
      return new ObjectRemovalInput(this);
    }
  }
}
