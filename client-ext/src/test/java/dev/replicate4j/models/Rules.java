package dev.replicate4j.models;

import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Every numeric rule of the ten models, written out from the model reference (not read from the
 * main code), each with a way to build a minimal valid input carrying one value.
 */
final class Rules {
  private static final ImageInput IMG = ImageInput.url("https://example.com/a.png");
  static final List<Integer> SD_SIZES = IntStream.rangeClosed(64, 1024).filter(i -> i % 64 == 0)
      .boxed().toList();

  private Rules() {}

  /** An integer range. */
  record IntRule(String model, String field, int min, int max, IntFunction<ModelInput> build) {
    @Override
    public String toString() {
      return model + " " + field + " " + min + ".." + max;
    }
  }

  /** A number range. */
  record DoubleRule(String model, String field, double min, double max,
      DoubleFunction<ModelInput> build) {
    @Override
    public String toString() {
      return model + " " + field + " " + min + ".." + max;
    }
  }

  /** An integer from a fixed set. */
  record SetRule(String model, String field, List<Integer> allowed, IntFunction<ModelInput> build) {
    @Override
    public String toString() {
      return model + " " + field + " " + allowed;
    }
  }

  static final List<IntRule> INTS = List.of(
      new IntRule("stability-ai/stable-diffusion", "num_outputs", 1, 4,
          v -> StableDiffusionInput.builder().numOutputs(v).build()),
      new IntRule("stability-ai/stable-diffusion", "num_inference_steps", 1, 500,
          v -> StableDiffusionInput.builder().numInferenceSteps(v).build()),
      new IntRule("stability-ai/sdxl", "num_outputs", 1, 4,
          v -> SdxlInput.builder().numOutputs(v).build()),
      new IntRule("stability-ai/sdxl", "num_inference_steps", 1, 500,
          v -> SdxlInput.builder().numInferenceSteps(v).build()),
      new IntRule("stability-ai/stable-diffusion-inpainting", "num_outputs", 1, 4,
          v -> inpainting().numOutputs(v).build()),
      new IntRule("stability-ai/stable-diffusion-inpainting", "num_inference_steps", 1, 500,
          v -> inpainting().numInferenceSteps(v).build()),
      new IntRule("stability-ai/stable-diffusion-img2img", "num_outputs", 1, 8,
          v -> img2img().numOutputs(v).build()),
      new IntRule("stability-ai/stable-diffusion-img2img", "num_inference_steps", 1, 500,
          v -> img2img().numInferenceSteps(v).build()),
      new IntRule("lucataco/flux-schnell-lora", "num_outputs", 1, 4,
          v -> schnell().numOutputs(v).build()),
      new IntRule("lucataco/flux-schnell-lora", "num_inference_steps", 1, 12,
          v -> schnell().numInferenceSteps(v).build()),
      new IntRule("lucataco/flux-schnell-lora", "output_quality", 0, 100,
          v -> schnell().outputQuality(v).build()),
      new IntRule("lucataco/flux-dev-lora", "num_outputs", 1, 4,
          v -> dev().numOutputs(v).build()),
      new IntRule("lucataco/flux-dev-lora", "num_inference_steps", 1, 50,
          v -> dev().numInferenceSteps(v).build()),
      new IntRule("lucataco/flux-dev-lora", "output_quality", 0, 100,
          v -> dev().outputQuality(v).build()),
      new IntRule("andreasjansson/stable-diffusion-animation", "num_inference_steps", 1, 500,
          v -> animation().numInferenceSteps(v).build()),
      new IntRule("andreasjansson/stable-diffusion-animation", "num_animation_frames", 2, 50,
          v -> animation().numAnimationFrames(v).build()),
      new IntRule("andreasjansson/stable-diffusion-animation", "num_interpolation_steps", 1, 50,
          v -> animation().numInterpolationSteps(v).build()),
      new IntRule("andreasjansson/stable-diffusion-animation", "gif_frames_per_second", 1, 50,
          v -> animation().gifFramesPerSecond(v).build()),
      new IntRule("lucataco/animate-diff", "steps", 1, 100,
          v -> AnimateDiffInput.builder().steps(v).build()));

  static final List<DoubleRule> DOUBLES = List.of(
      new DoubleRule("stability-ai/stable-diffusion", "guidance_scale", 1, 20,
          v -> StableDiffusionInput.builder().guidanceScale(v).build()),
      new DoubleRule("stability-ai/sdxl", "guidance_scale", 1, 50,
          v -> SdxlInput.builder().guidanceScale(v).build()),
      new DoubleRule("stability-ai/sdxl", "prompt_strength", 0, 1,
          v -> SdxlInput.builder().promptStrength(v).build()),
      new DoubleRule("stability-ai/sdxl", "high_noise_frac", 0, 1,
          v -> SdxlInput.builder().highNoiseFrac(v).build()),
      new DoubleRule("stability-ai/sdxl", "lora_scale", 0, 1,
          v -> SdxlInput.builder().loraScale(v).build()),
      new DoubleRule("stability-ai/stable-diffusion-inpainting", "guidance_scale", 1, 20,
          v -> inpainting().guidanceScale(v).build()),
      new DoubleRule("stability-ai/stable-diffusion-img2img", "guidance_scale", 1, 20,
          v -> img2img().guidanceScale(v).build()),
      new DoubleRule("lucataco/flux-schnell-lora", "prompt_strength", 0, 1,
          v -> schnell().promptStrength(v).build()),
      new DoubleRule("lucataco/flux-schnell-lora", "lora_scale", 0, 1,
          v -> schnell().loraScale(v).build()),
      new DoubleRule("lucataco/flux-dev-lora", "prompt_strength", 0, 1,
          v -> dev().promptStrength(v).build()),
      new DoubleRule("lucataco/flux-dev-lora", "guidance_scale", 0, 10,
          v -> dev().guidanceScale(v).build()),
      new DoubleRule("lucataco/flux-dev-lora", "lora_scale", 0, 1,
          v -> dev().loraScale(v).build()),
      new DoubleRule("andreasjansson/stable-diffusion-animation", "guidance_scale", 1, 20,
          v -> animation().guidanceScale(v).build()),
      new DoubleRule("lucataco/animate-diff", "guidance_scale", 1, 10,
          v -> AnimateDiffInput.builder().guidanceScale(v).build()));

  static final List<SetRule> SETS = List.of(
      new SetRule("stability-ai/stable-diffusion", "width", SD_SIZES,
          v -> StableDiffusionInput.builder().width(v).build()),
      new SetRule("stability-ai/stable-diffusion", "height", SD_SIZES,
          v -> StableDiffusionInput.builder().height(v).build()),
      new SetRule("stability-ai/stable-diffusion-inpainting", "width", SD_SIZES,
          v -> inpainting().width(v).build()),
      new SetRule("stability-ai/stable-diffusion-inpainting", "height", SD_SIZES,
          v -> inpainting().height(v).build()),
      new SetRule("andreasjansson/stable-diffusion-animation", "width",
          List.of(128, 256, 512, 768, 1024), v -> animation().width(v).build()),
      new SetRule("andreasjansson/stable-diffusion-animation", "height",
          List.of(128, 256, 512, 768), v -> animation().height(v).build()));

  static StableDiffusionInpaintingInput.Builder inpainting() {
    return StableDiffusionInpaintingInput.builder().image(IMG).mask(IMG);
  }

  static StableDiffusionImg2ImgInput.Builder img2img() {
    return StableDiffusionImg2ImgInput.builder().image(IMG);
  }

  static FluxSchnellLoraInput.Builder schnell() {
    return FluxSchnellLoraInput.builder().prompt("p");
  }

  static FluxDevLoraInput.Builder dev() {
    return FluxDevLoraInput.builder().prompt("p");
  }

  static StableDiffusionAnimationInput.Builder animation() {
    return StableDiffusionAnimationInput.builder().promptStart("a").promptEnd("b");
  }
}
