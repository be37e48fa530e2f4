package dev.replicate4j.stub;

import dev.replicate4j.models.Model;
import dev.replicate4j.models.Models;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model versions a relay serves. The inputs and their rules come from the SDK's models, which
 * are generated from one schema file per version; this table adds only what a schema does not
 * say: which files the stub makes, and which field is the progress bar's total.
 */
final class ModelTable {
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern NAMED = Pattern.compile("([^/:\\s]+/[^/:\\s]+)(?::(.*))?");
  private static final ModelTable STANDARD = new ModelTable(Map.of()).with(List.of(
      serve(Models.STABLE_DIFFUSION, StubOutput.PNG_ARRAY).steps("num_inference_steps", 50),
      serve(Models.SDXL, StubOutput.PNG_ARRAY).steps("num_inference_steps", 50),
      serve(Models.STABLE_DIFFUSION_INPAINTING, StubOutput.PNG_ARRAY)
          .steps("num_inference_steps", 50),
      serve(Models.STABLE_DIFFUSION_IMG2IMG, StubOutput.PNG_ARRAY)
          .steps("num_inference_steps", 25),
      serve(Models.FLUX_SCHNELL_LORA, StubOutput.FORMAT_ARRAY).steps("num_inference_steps", 4),
      serve(Models.FLUX_DEV_LORA, StubOutput.FORMAT_ARRAY).steps("num_inference_steps", 28),
      serve(Models.STABLE_DIFFUSION_ANIMATION, StubOutput.ANIMATION)
          .steps("num_inference_steps", 50),
      serve(Models.ANIMATE_DIFF, StubOutput.SINGLE_MP4).steps("steps", 25),
      serve(Models.OBJECT_REMOVAL, StubOutput.SINGLE_PNG),
      serve(Models.REMBG, StubOutput.SINGLE_RGBA_PNG)));

  private final Map<String, ModelSpec> byVersion;

  private ModelTable(Map<String, ModelSpec> byVersion) {
    this.byVersion = byVersion;
  }

  /** The ten catalog models. */
  static ModelTable standard() {
    return STANDARD;
  }

  /** A model as the relay serves it, from its generated input. */
  static ModelSpec.Builder serve(Model<?, ?> model, StubOutput output) {
    return ModelSpec.of(model, output);
  }

  /**
   * This table and more models.
   *
   * @throws IllegalArgumentException if a version is already served
   */
  ModelTable with(List<ModelSpec.Builder> more) {
    Map<String, ModelSpec> all = new LinkedHashMap<>(byVersion);
    for (ModelSpec.Builder builder : more) {
      ModelSpec spec = builder.build();
      if (all.putIfAbsent(spec.version, spec) != null) {
        throw new IllegalArgumentException("Version " + spec.version + " is already served as "
            + all.get(spec.version).model);
      }
    }
    return new ModelTable(all);
  }

  /** True if {@code owner/name} is one of the models served. */
  boolean knowsModel(String model) {
    return byVersion.values().stream().anyMatch(s -> s.model.equals(model));
  }

  /**
   * The model a create request's {@code version} names: a bare 64-hex id or
   * {@code owner/name:<id>}. Anything else is a 422 naming the version.
   */
  ModelSpec resolve(Object version) {
    if (!(version instanceof String) || ((String) version).isBlank()) {
      throw Problem.invalid("version is required: a 64-hex version id or owner/name:<version id>")
          .with("invalid_fields", InvalidFields.of("version", "version is required"));
    }
    String text = (String) version;
    if (HASH.matcher(text).matches()) {
      return known(text, text);
    }
    Matcher named = NAMED.matcher(text);
    if (named.matches()) {
      if (named.group(2) == null) {
        throw unknown(text, "names a model without a version; this relay needs a version id");
      }
      ModelSpec spec = known(named.group(2), text);
      if (!spec.model.equals(named.group(1))) {
        throw unknown(text, "is a version of " + spec.model + ", not of " + named.group(1));
      }
      return spec;
    }
    throw unknown(text, "is neither a 64-hex version id nor owner/name:<version id>");
  }

  private ModelSpec known(String hash, String asGiven) {
    ModelSpec spec = byVersion.get(hash);
    if (spec == null) {
      throw unknown(asGiven, "is not a version this relay serves");
    }
    return spec;
  }

  private static Problem unknown(String version, String why) {
    String detail = "The specified version " + version + " " + why;
    return Problem.invalid(detail).with("invalid_fields", InvalidFields.of("version", detail));
  }
}
