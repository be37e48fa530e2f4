package dev.replicate4j.models;

import dev.replicate4j.ReplicateException;
import dev.replicate4j.VersionRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A pinned model version with its typed input {@code I} and typed output {@code O}, so that
 * {@code client.run(Models.SDXL, input)} returns the output type the model really produces.
 *
 * <p>The ten catalog models are constants of {@link Models}. Your own model:
 *
 * <pre>{@code
 * Model<MyInput, FileOutput> upscaler = Model.builder(MyInput.class, FileOutput.class)
 *     .owner("acme").name("upscaler").version("5c7d...64 hex...")
 *     .description("4x upscaler").task(Task.IMAGE_TO_IMAGE)
 *     .outputParser(OutputParser.singleFile())
 *     .build();
 * }</pre>
 *
 * <p>Two models are equal when their reference, input type and output type are; their parsers
 * and specs, often lambdas made anew, are not compared.
 *
 * @param ref the reference, {@code owner/name:version}; its {@link VersionRef#wireValue()} is what
 *     a create request sends
 * @param description a one-line description
 * @param task the kind of work the model does
 * @param inputType the input class
 * @param outputType the class {@code outputParser} returns
 * @param outputParser how the raw output becomes {@code O}
 * @param inputSpec the input's typed description (its fields, their kinds and rules), which
 *     {@link #parseInput(Map)} needs; empty for a {@link GenericInput} model or one built without
 *     a spec
 * @param <I> the input type
 * @param <O> the output type
 */
public record Model<I extends ModelInput, O>(VersionRef ref, String description, Task task,
    Class<I> inputType, Class<O> outputType, OutputParser<O> outputParser,
    Optional<InputSpec<I>> inputSpec) {
  /**
   * Makes a model; {@link #builder} says what is missing in words instead.
   *
   * @throws NullPointerException if any component is null
   */
  public Model {
    List.of(ref, description, task, inputType, outputType, outputParser, inputSpec); // no nulls
  }

  /**
   * Starts a model of your own.
   *
   * @param inputType its input class
   * @param outputType the class its output parser returns
   * @param <I> the input type
   * @param <O> the output type
   * @return a builder
   */
  public static <I extends ModelInput, O> Builder<I, O> builder(Class<I> inputType,
      Class<O> outputType) {
    return new Builder<>(Objects.requireNonNull(inputType, "inputType"),
        Objects.requireNonNull(outputType, "outputType"));
  }

  /** A model known only by a reference in any of the three forms; see {@link Models#generic}. */
  static Model<GenericInput, Object> generic(VersionRef ref) {
    return new Model<>(ref, "A model run with a map-based input", Task.OTHER, GenericInput.class,
        Object.class, OutputParser.raw(), Optional.empty());
  }

  /**
   * The owner, for example {@code stability-ai}.
   *
   * @return the owner; empty only for a generic model referenced by a bare version id
   */
  public Optional<String> owner() {
    return ref.owner();
  }

  /**
   * The model name, for example {@code sdxl}.
   *
   * @return the name; empty only for a generic model referenced by a bare version id
   */
  public Optional<String> name() {
    return ref.name();
  }

  /**
   * The pinned version id, 64 lowercase hex characters.
   *
   * @return the version id; empty only for a generic model referenced as {@code owner/name}
   */
  public Optional<String> versionId() {
    return ref.versionId();
  }

  /**
   * Turns a prediction's raw JSON output into this model's typed output. The client's own calls do
   * this already; this is for predictions that reach you another way, such as a webhook delivery's
   * ({@code Models.SDXL.parseOutput(webhook.prediction().output(), downloader)}), with a
   * {@link FileDownloader} of your own (it must not send the API key to file hosts).
   *
   * @param rawOutput the output as {@link dev.replicate4j.ExactJson} reads it (List, String,
   *     number, Boolean or Map)
   * @param downloader what typed outputs use to fetch their files
   * @return the typed output
   * @throws ReplicateException naming the model if the output is null or not of the expected shape
   */
  public O parseOutput(Object rawOutput, FileDownloader downloader) {
    Objects.requireNonNull(downloader, "downloader");
    if (rawOutput == null) {
      throw new ReplicateException(label() + ": the prediction has no output (output is null)");
    }
    O parsed;
    try {
      parsed = outputParser.parse(rawOutput, downloader);
    } catch (RuntimeException e) {
      throw new ReplicateException(label() + ": unexpected output for " + outputType.getSimpleName()
          + ": " + e.getMessage() + "; output was " + OutputShapes.kind(rawOutput), e);
    }
    if (!outputType.isInstance(parsed)) {
      throw new ReplicateException(label() + ": the output parser returned "
          + (parsed == null ? "null" : parsed.getClass().getName()) + ", not "
          + outputType.getName());
    }
    return parsed;
  }

  /**
   * Builds this model's input from text {@code key=value} pairs, as typed on a command line
   * ({@code prompt="a red fox" num_outputs=2}), through the input's own builder, so every rule
   * checked in code is checked here too.
   *
   * <p>Keys are the wire field names ({@code num_outputs}). Values are converted to the setter's
   * type: integers, numbers, {@code true}/{@code false}, an enum's wire value ({@code K_EULER},
   * {@code 16:9}), a comma-separated list ({@code objects_to_remove=person,car}); an image is an
   * {@code http(s)://} URL, a {@code data:} URI, or else a local file path, read and sent inline.
   * For a {@link Models#generic generic} model, whose fields are unknown, each value is sent as an
   * integer, a number, a boolean or else a string, by what the text looks like.
   *
   * <p>The fields, their types and their rules come from the input's {@link InputSpec} (a
   * generated input class's {@code SPEC}, given to {@link Builder#inputSpec}); nothing is found by
   * reflection.
   *
   * @param values wire field name to text, in the order to report problems
   * @return the input, exactly as the equivalent builder calls would make it
   * @throws dev.replicate4j.ValidationException listing every problem at once, each naming this
   *     model, the field, the value and the rule: unknown keys (with the fields this model takes),
   *     values that do not convert, images that cannot be read, and the builder's own violations
   * @throws IllegalArgumentException if this model has no input spec and its input is not a
   *     {@link GenericInput}
   */
  public I parseInput(Map<String, String> values) {
    return InputParser.parse(this, values);
  }

  /** {@code owner/name}, or the reference itself when there is no name. */
  String label() {
    return ref.model().orElse(ref.toString());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Model<?, ?> other && ref.equals(other.ref)
        && inputType.equals(other.inputType) && outputType.equals(other.outputType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ref, inputType, outputType);
  }

  /** {@code owner/name:version}. */
  @Override
  public String toString() {
    return ref.toString();
  }

  /**
   * Builds a model. Owner, name, version, task and output parser are required.
   *
   * @param <I> the input type
   * @param <O> the output type
   */
  public static final class Builder<I extends ModelInput, O> {
    private final Class<I> inputType;
    private final Class<O> outputType;
    private String owner;
    private String name;
    private String version;
    private String description = "";
    private Task task;
    private OutputParser<O> outputParser;
    private InputSpec<I> inputSpec;

    private Builder(Class<I> inputType, Class<O> outputType) {
      this.inputType = inputType;
      this.outputType = outputType;
    }

    /**
     * The owner.
     *
     * @param owner for example {@code stability-ai}
     * @return this builder
     */
    public Builder<I, O> owner(String owner) {
      this.owner = owner;
      return this;
    }

    /**
     * The model name.
     *
     * @param name for example {@code sdxl}
     * @return this builder
     */
    public Builder<I, O> name(String name) {
      this.name = name;
      return this;
    }

    /**
     * The pinned version id.
     *
     * @param version 64 lowercase hex characters
     * @return this builder
     */
    public Builder<I, O> version(String version) {
      this.version = version;
      return this;
    }

    /**
     * A one-line description; empty if not set.
     *
     * @param description the description
     * @return this builder
     */
    public Builder<I, O> description(String description) {
      this.description = Objects.requireNonNull(description, "description");
      return this;
    }

    /**
     * The kind of work the model does.
     *
     * @param task the task
     * @return this builder
     */
    public Builder<I, O> task(Task task) {
      this.task = task;
      return this;
    }

    /**
     * How the raw output becomes {@code O}; see {@link OutputParser}'s ready-made parsers.
     *
     * @param outputParser the parser
     * @return this builder
     */
    public Builder<I, O> outputParser(OutputParser<O> outputParser) {
      this.outputParser = outputParser;
      return this;
    }

    /**
     * The input's typed description, which {@link Model#parseInput(Map)} needs; a generated input
     * class has it as {@code SPEC}. Without it only a {@link GenericInput} parses from text.
     *
     * @param inputSpec the spec
     * @return this builder
     */
    public Builder<I, O> inputSpec(InputSpec<I> inputSpec) {
      this.inputSpec = inputSpec;
      return this;
    }

    /**
     * Builds the model.
     *
     * @return the model
     * @throws IllegalArgumentException listing everything missing or malformed
     */
    public Model<I, O> build() {
      List<String> problems = new ArrayList<>();
      if (owner == null || name == null || version == null) {
        problems.add("owner, name and version are all required (got " + owner + "/" + name + ":"
            + version + ")");
      }
      if (task == null) {
        problems.add("task is required");
      }
      if (outputParser == null) {
        problems.add("outputParser is required");
      }
      VersionRef ref = null;
      if (problems.isEmpty()) {
        try {
          ref = VersionRef.of(owner, name, version);
        } catch (IllegalArgumentException e) {
          problems.add(e.getMessage());
        }
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException("Cannot build model: " + String.join("; ", problems));
      }
      return new Model<>(ref, description, task, inputType, outputType, outputParser,
          Optional.ofNullable(inputSpec));
    }
  }
}
