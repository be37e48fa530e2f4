package dev.replicate4j.models;

import dev.replicate4j.ReplicateException;
import dev.replicate4j.VersionRef;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A set of models to look up by version id, {@code owner/name} or {@code owner/name:version}, and
 * to list. {@link #standard()} holds the ten of {@link Models}; a team adds its own:
 *
 * <pre>{@code
 * ModelCatalog catalog = ModelCatalog.builder().addStandard().add(myUpscaler).build();
 * Model<?, ?> sdxl = catalog.get("stability-ai/sdxl");
 * }</pre>
 *
 * <p>A catalog may hold several versions of one model; looking such a model up by
 * {@code owner/name} alone is then refused as ambiguous.
 */
public final class ModelCatalog implements Iterable<Model<?, ?>> {
  private static final ModelCatalog STANDARD = builder().addStandard().build();

  private final List<Model<?, ?>> models;

  private ModelCatalog(List<Model<?, ?>> models) {
    this.models = List.copyOf(models);
  }

  /**
   * The ten pinned models.
   *
   * @return the standard catalog
   */
  public static ModelCatalog standard() {
    return STANDARD;
  }

  /**
   * Starts an empty catalog.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Looks a model up.
   *
   * @param reference a 64-hex version id, {@code owner/name:<64 hex>} or {@code owner/name}
   * @return the model
   * @throws UnknownModelException listing the known models, if none matches or the reference is
   *     malformed
   * @throws ReplicateException if {@code owner/name} matches several versions
   */
  public Model<?, ?> get(String reference) {
    VersionRef ref;
    try {
      ref = VersionRef.parse(reference);
    } catch (IllegalArgumentException e) {
      throw new UnknownModelException(String.valueOf(reference), e.getMessage(), models);
    }
    if (ref.versionId().isPresent()) {
      Model<?, ?> model = models.stream().filter(m -> m.versionId().equals(ref.versionId()))
          .findFirst().orElseThrow(() -> new UnknownModelException(reference,
              "no model has this version", models));
      if (ref.model().isPresent() && !ref.model().get().equals(model.label())) {
        throw new UnknownModelException(reference,
            "this version belongs to " + model.label() + ", not " + ref.model().get(), models);
      }
      return model;
    }
    List<Model<?, ?>> named = models.stream().filter(m -> m.label().equals(ref.model().get()))
        .collect(Collectors.toList());
    if (named.isEmpty()) {
      throw new UnknownModelException(reference, "no model has this name", models);
    }
    if (named.size() > 1) {
      throw new ReplicateException("Model '" + reference + "' is ambiguous: the catalog holds "
          + named.size() + " versions of it (" + named.stream().map(m -> m.versionId().orElseThrow())
              .collect(Collectors.joining(", ")) + "); use owner/name:version");
    }
    return named.get(0);
  }

  /**
   * Looks a model up and checks its types, for models of your own.
   *
   * @param reference as for {@link #get(String)}
   * @param inputType the expected input class
   * @param outputType the expected output class
   * @param <I> the input type
   * @param <O> the output type
   * @return the model, typed
   * @throws UnknownModelException if no model matches
   * @throws ReplicateException if the model's types are not the ones given
   */
  @SuppressWarnings("unchecked")
  public <I extends ModelInput, O> Model<I, O> get(String reference, Class<I> inputType,
      Class<O> outputType) {
    Model<?, ?> model = get(reference);
    if (!model.inputType().equals(inputType) || !model.outputType().equals(outputType)) {
      throw new ReplicateException("Model " + model + " takes " + model.inputType().getSimpleName()
          + " and returns " + model.outputType().getSimpleName() + ", not "
          + inputType.getSimpleName() + " and " + outputType.getSimpleName());
    }
    return (Model<I, O>) model;
  }

  /**
   * Looks a model up without failing when it is unknown.
   *
   * @param reference as for {@link #get(String)}
   * @return the model, or empty if none matches
   * @throws IllegalArgumentException if the reference is in none of the three forms
   * @throws ReplicateException if {@code owner/name} matches several versions
   */
  public Optional<Model<?, ?>> find(String reference) {
    VersionRef.parse(reference);
    try {
      return Optional.of(get(reference));
    } catch (UnknownModelException e) {
      return Optional.empty();
    }
  }

  /**
   * Every model, in the order they were added.
   *
   * @return an unmodifiable list
   */
  public List<Model<?, ?>> models() {
    return models;
  }

  /**
   * How many models the catalog holds.
   *
   * @return the count
   */
  public int size() {
    return models.size();
  }

  /** Iterates the models in the order they were added. */
  @Override
  public Iterator<Model<?, ?>> iterator() {
    return models.iterator();
  }

  /** The models' references. */
  @Override
  public String toString() {
    return "ModelCatalog" + models;
  }

  /** Collects models; each version id may appear once. */
  public static final class Builder {
    private final List<Model<?, ?>> models = new ArrayList<>();

    private Builder() {}

    /**
     * Adds the ten models of {@link Models}.
     *
     * @return this builder
     */
    public Builder addStandard() {
      Models.ALL.forEach(this::add);
      return this;
    }

    /**
     * Adds a model.
     *
     * @param model a model with owner, name and version
     * @return this builder
     * @throws IllegalArgumentException if the model has no owner/name or no version id, or its
     *     version is already in the catalog
     */
    public Builder add(Model<?, ?> model) {
      if (model.owner().isEmpty() || model.versionId().isEmpty()) {
        throw new IllegalArgumentException("A catalog model needs owner/name:version, but "
            + model + " has no " + (model.owner().isEmpty() ? "owner/name" : "version id"));
      }
      for (Model<?, ?> known : models) {
        if (known.versionId().equals(model.versionId())) {
          throw new IllegalArgumentException("Version " + model.versionId().orElseThrow()
              + " is already in the catalog as " + known);
        }
      }
      models.add(model);
      return this;
    }

    /**
     * Builds the catalog.
     *
     * @return the catalog
     */
    public ModelCatalog build() {
      return new ModelCatalog(models);
    }
  }
}
