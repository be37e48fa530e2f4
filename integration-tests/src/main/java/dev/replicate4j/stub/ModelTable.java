package dev.replicate4j.stub;

import static dev.replicate4j.stub.FieldRule.bool;
import static dev.replicate4j.stub.FieldRule.integer;
import static dev.replicate4j.stub.FieldRule.number;
import static dev.replicate4j.stub.FieldRule.oneOf;
import static dev.replicate4j.stub.FieldRule.text;
import static dev.replicate4j.stub.FieldRule.uri;

import dev.replicate4j.stub.ModelSpec.OutputKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ten model versions the relay serves, with their real inputs. Kept apart from the SDK's own
 * catalog on purpose: the stub is an independent description of the service that tests the SDK.
 */
final class ModelTable {
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern NAMED = Pattern.compile("([^/:\\s]+/[^/:\\s]+)(?::(.*))?");
  private static final String[] SD_SCHEDULERS =
      {"DDIM", "K_EULER", "DPMSolverMultistep", "K_EULER_ANCESTRAL", "PNDM", "KLMS"};
  private static final String[] ASPECT_RATIOS =
      {"1:1", "16:9", "21:9", "3:2", "2:3", "4:5", "5:4", "3:4", "4:3", "9:16", "9:21"};
  private static final Map<String, ModelSpec> BY_VERSION = new LinkedHashMap<>();

  static {
    add(ModelSpec.builder("stability-ai/stable-diffusion",
            "ac732df83cea7fff18b8472768c88ad041fa750ff7682a21affe81863cbe77e4", OutputKind.PNG_ARRAY)
        .optional("prompt", text())
        .optional("height", oneOf(FieldRule.stepsOf64()))
        .optional("width", oneOf(FieldRule.stepsOf64()))
        .optional("negative_prompt", text())
        .optional("num_outputs", integer(1, 4))
        .optional("num_inference_steps", integer(1, 500))
        .optional("guidance_scale", number(1, 20))
        .optional("scheduler", oneOf(SD_SCHEDULERS))
        .optional("seed", integer())
        .steps("num_inference_steps", 50));
    add(ModelSpec.builder("stability-ai/sdxl",
            "7762fd07cf82c948538e41f63f77d685e02b063e37e496e96eefd46c929f9bdc", OutputKind.PNG_ARRAY)
        .optional("prompt", text())
        .optional("negative_prompt", text())
        .optional("image", uri())
        .optional("mask", uri())
        // The schema sets no limit, so neither does the SDK: the model judges.
        .optional("width", integer())
        .optional("height", integer())
        .optional("num_outputs", integer(1, 4))
        .optional("scheduler", oneOf("DDIM", "DPMSolverMultistep", "HeunDiscrete", "KarrasDPM",
            "K_EULER_ANCESTRAL", "K_EULER", "PNDM"))
        .optional("num_inference_steps", integer(1, 500))
        .optional("guidance_scale", number(1, 50))
        .optional("prompt_strength", number(0, 1))
        .optional("seed", integer())
        .optional("refine", oneOf("no_refiner", "expert_ensemble_refiner", "base_image_refiner"))
        .optional("high_noise_frac", number(0, 1))
        .optional("refine_steps", integer())
        .optional("apply_watermark", bool())
        .optional("lora_scale", number(0, 1))
        .optional("replicate_weights", text())
        .optional("disable_safety_checker", bool())
        .steps("num_inference_steps", 50));
    add(ModelSpec.builder("stability-ai/stable-diffusion-inpainting",
            "95b7223104132402a9ae91cc677285bc5eb997834bd2349fa486f53910fd68b3", OutputKind.PNG_ARRAY)
        .required("image", uri())
        .required("mask", uri())
        .optional("prompt", text())
        .optional("negative_prompt", text())
        .optional("width", oneOf(FieldRule.stepsOf64()))
        .optional("height", oneOf(FieldRule.stepsOf64()))
        .optional("scheduler", oneOf(SD_SCHEDULERS))
        .optional("num_outputs", integer(1, 4))
        .optional("guidance_scale", number(1, 20))
        .optional("num_inference_steps", integer(1, 500))
        .optional("seed", integer())
        .optional("disable_safety_checker", bool())
        .steps("num_inference_steps", 50));
    add(ModelSpec.builder("stability-ai/stable-diffusion-img2img",
            "15a3689ee13b0d2616e98820eca31d4c3abcd36672df6afce5cb6feb1d66087d", OutputKind.PNG_ARRAY)
        .optional("prompt", text())
        .optional("negative_prompt", text())
        .required("image", uri())
        .optional("prompt_strength", number())
        .optional("num_outputs", integer(1, 8))
        .optional("num_inference_steps", integer(1, 500))
        .optional("guidance_scale", number(1, 20))
        .optional("scheduler", oneOf(SD_SCHEDULERS))
        .optional("seed", integer())
        .steps("num_inference_steps", 25));
    add(flux("lucataco/flux-schnell-lora",
            "2a6b576af31790b470f0a8442e1e9791213fa13799cbb65a9fc1436e96389574")
        .optional("num_inference_steps", integer(1, 12))
        .steps("num_inference_steps", 4));
    add(flux("lucataco/flux-dev-lora",
            "091495765fa5ef2725a175a57b276ec30dc9d39c22d30410f2ede68a3eab66b3")
        .optional("num_inference_steps", integer(1, 50))
        .optional("guidance_scale", number(0, 10))
        .steps("num_inference_steps", 28));
    add(ModelSpec.builder("andreasjansson/stable-diffusion-animation",
            "ca1f5e306e5721e19c473e0d094e6603f0456fe759c10715fcd6c1b79242d4a5", OutputKind.ANIMATION)
        .required("prompt_start", text())
        .required("prompt_end", text())
        .optional("width", oneOf(128, 256, 512, 768, 1024))
        .optional("height", oneOf(128, 256, 512, 768))
        .optional("num_inference_steps", integer(1, 500))
        .optional("prompt_strength", number())
        .optional("num_animation_frames", integer(2, 50))
        .optional("num_interpolation_steps", integer(1, 50))
        .optional("guidance_scale", number(1, 20))
        .optional("gif_frames_per_second", integer(1, 50))
        .optional("gif_ping_pong", bool())
        .optional("film_interpolation", bool())
        .optional("intermediate_output", bool())
        .optional("seed", integer())
        .optional("output_format", oneOf("gif", "mp4"))
        .steps("num_inference_steps", 50));
    add(ModelSpec.builder("lucataco/animate-diff",
            "beecf59c4aee8d81bf04f0381033dfa10dc16e845b4ae00d281e2fa377e48a9f", OutputKind.SINGLE_MP4)
        .optional("motion_module", oneOf("mm_sd_v14", "mm_sd_v15", "mm_sd_v15_v2"))
        .optional("path", oneOf("toonyou_beta3.safetensors", "lyriel_v16.safetensors",
            "rcnzCartoon3d_v10.safetensors", "majicmixRealistic_v5Preview.safetensors",
            "realisticVisionV40_v20Novae.safetensors"))
        .optional("prompt", text())
        .optional("n_prompt", text())
        .optional("steps", integer(1, 100))
        .optional("guidance_scale", number(1, 10))
        .optional("seed", integer())
        .steps("steps", 25));
    add(ModelSpec.builder("sujaykhandekar/object-removal",
            "153b0087c2576ad30d8cbddb35275b387d1a6bf986bda5499948f843f6460faf", OutputKind.SINGLE_PNG)
        .required("image_path", uri())
        .optional("objects_to_remove", FieldRule.commaSeparated("Background", "Aeroplane", "bicycle",
            "bird", "boat", "bottle", "bus", "car", "cat", "chair", "cow", "dining table", "dog",
            "horse", "motorbike", "person", "potted plant", "sheep", "sofa", "train", "tv/monitor")));
    add(ModelSpec.builder("cjwbw/rembg",
            "fb8af171cfa1616ddcf1242c093f9c46bcada5ad4cf6f2fbe8b81b330ec5c003",
            OutputKind.SINGLE_RGBA_PNG)
        .required("image", uri()));
  }

  private ModelTable() {}

  private static ModelSpec.Builder flux(String model, String version) {
    return ModelSpec.builder(model, version, OutputKind.FORMAT_ARRAY)
        .required("prompt", text())
        .optional("aspect_ratio", oneOf(ASPECT_RATIOS))
        .optional("image", uri())
        .optional("prompt_strength", number(0, 1))
        .optional("num_outputs", integer(1, 4))
        .optional("seed", integer())
        .optional("output_format", oneOf("webp", "jpg", "png"))
        .optional("output_quality", integer(0, 100))
        .optional("hf_lora", text())
        .optional("lora_scale", number(0, 1))
        .optional("disable_safety_checker", bool());
  }

  private static void add(ModelSpec.Builder builder) {
    ModelSpec spec = builder.build();
    BY_VERSION.put(spec.version, spec);
  }

  /** True if {@code owner/name} is one of the ten models. */
  static boolean knowsModel(String model) {
    return BY_VERSION.values().stream().anyMatch(s -> s.model.equals(model));
  }

  /**
   * The model a create request's {@code version} names: a bare 64-hex id or
   * {@code owner/name:<id>}. Anything else is a 422 naming the version.
   */
  static ModelSpec resolve(Object version) {
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

  private static ModelSpec known(String hash, String asGiven) {
    ModelSpec spec = BY_VERSION.get(hash);
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
