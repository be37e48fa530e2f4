package dev.replicate4j.models;

import dev.replicate4j.VersionRef;
import java.util.List;

/**
 * The ten pinned models of the catalog, and {@link #generic(String)} for any other. Versions are
 * pinned: a model's inputs and outputs are those of exactly this version.
 */
public final class Models {
  /**
   * stability-ai/stable-diffusion:ac732df8. Stable Diffusion 2.1: text to image, 64 to 1024 px.
   * Output: an array of image URIs.
   */
  public static final Model<StableDiffusionInput, FileOutputs> STABLE_DIFFUSION =
      Model.builder(StableDiffusionInput.class, FileOutputs.class)
          .owner("stability-ai").name("stable-diffusion")
          .version("ac732df83cea7fff18b8472768c88ad041fa750ff7682a21affe81863cbe77e4")
          .description("Stable Diffusion 2.1: text to image, 64 to 1024 px")
          .task(Task.TEXT_TO_IMAGE).outputParser(OutputParser.fileList()).build();

  /**
   * stability-ai/sdxl:7762fd07. SDXL: text to image, also image to image and inpainting, with an
   * optional refiner. Output: an array of PNG URIs; flagged images are left out.
   */
  public static final Model<SdxlInput, FileOutputs> SDXL =
      Model.builder(SdxlInput.class, FileOutputs.class)
          .owner("stability-ai").name("sdxl")
          .version("7762fd07cf82c948538e41f63f77d685e02b063e37e496e96eefd46c929f9bdc")
          .description("SDXL: text to image, also image to image and inpainting, "
              + "with an optional refiner")
          .task(Task.TEXT_TO_IMAGE).outputParser(OutputParser.fileList()).build();

  /**
   * stability-ai/stable-diffusion-inpainting:95b72231. Stable Diffusion inpainting: repaints the
   * masked part of an image. Output: an array of image URIs.
   */
  public static final Model<StableDiffusionInpaintingInput, FileOutputs>
      STABLE_DIFFUSION_INPAINTING = Model.builder(
          StableDiffusionInpaintingInput.class, FileOutputs.class)
          .owner("stability-ai").name("stable-diffusion-inpainting")
          .version("95b7223104132402a9ae91cc677285bc5eb997834bd2349fa486f53910fd68b3")
          .description("Stable Diffusion inpainting: repaints the masked part of an image")
          .task(Task.INPAINTING).outputParser(OutputParser.fileList()).build();

  /**
   * stability-ai/stable-diffusion-img2img:15a3689e. Stable Diffusion 2.1 image to image: variations
   * of an image. Output: an array of PNG URIs.
   */
  public static final Model<StableDiffusionImg2ImgInput, FileOutputs> STABLE_DIFFUSION_IMG2IMG =
      Model.builder(StableDiffusionImg2ImgInput.class, FileOutputs.class)
          .owner("stability-ai").name("stable-diffusion-img2img")
          .version("15a3689ee13b0d2616e98820eca31d4c3abcd36672df6afce5cb6feb1d66087d")
          .description("Stable Diffusion 2.1 image to image: variations of an image")
          .task(Task.IMAGE_TO_IMAGE).outputParser(OutputParser.fileList()).build();

  /**
   * lucataco/flux-schnell-lora:2a6b576a. FLUX.1 [schnell] with LoRA weights: fast text to image, or
   * image to image. Output: an array of image URIs; flagged images are left out.
   */
  public static final Model<FluxSchnellLoraInput, FileOutputs> FLUX_SCHNELL_LORA =
      Model.builder(FluxSchnellLoraInput.class, FileOutputs.class)
          .owner("lucataco").name("flux-schnell-lora")
          .version("2a6b576af31790b470f0a8442e1e9791213fa13799cbb65a9fc1436e96389574")
          .description("FLUX.1 [schnell] with LoRA weights: fast text to image, or "
              + "image to image")
          .task(Task.TEXT_TO_IMAGE).outputParser(OutputParser.fileList()).build();

  /**
   * lucataco/flux-dev-lora:09149576. FLUX.1 [dev] with LoRA weights: text to image, or image to
   * image. Output: an array of image URIs; flagged images are left out.
   */
  public static final Model<FluxDevLoraInput, FileOutputs> FLUX_DEV_LORA =
      Model.builder(FluxDevLoraInput.class, FileOutputs.class)
          .owner("lucataco").name("flux-dev-lora")
          .version("091495765fa5ef2725a175a57b276ec30dc9d39c22d30410f2ede68a3eab66b3")
          .description("FLUX.1 [dev] with LoRA weights: text to image, or image to image")
          .task(Task.TEXT_TO_IMAGE).outputParser(OutputParser.fileList()).build();

  /**
   * andreasjansson/stable-diffusion-animation:ca1f5e30. Stable Diffusion animation: a gif or mp4
   * moving between prompts. Output: intermediate PNG frames (if asked for), then the gif or mp4
   * last.
   */
  public static final Model<StableDiffusionAnimationInput, AnimationOutput>
      STABLE_DIFFUSION_ANIMATION = Model.builder(
          StableDiffusionAnimationInput.class, AnimationOutput.class)
          .owner("andreasjansson").name("stable-diffusion-animation")
          .version("ca1f5e306e5721e19c473e0d094e6603f0456fe759c10715fcd6c1b79242d4a5")
          .description("Stable Diffusion animation: a gif or mp4 moving between prompts")
          .task(Task.ANIMATION).outputParser(OutputParser.animation()).build();

  /**
   * lucataco/animate-diff:beecf59c. AnimateDiff: a short 512x512 mp4 from a prompt. Output: one mp4
   * URI.
   */
  public static final Model<AnimateDiffInput, FileOutput> ANIMATE_DIFF =
      Model.builder(AnimateDiffInput.class, FileOutput.class)
          .owner("lucataco").name("animate-diff")
          .version("beecf59c4aee8d81bf04f0381033dfa10dc16e845b4ae00d281e2fa377e48a9f")
          .description("AnimateDiff: a short 512x512 mp4 from a prompt")
          .task(Task.ANIMATION).outputParser(OutputParser.singleFile()).build();

  /**
   * sujaykhandekar/object-removal:153b0087. Automated object removal: erases objects of given
   * classes from an image. Output: one PNG URI.
   */
  public static final Model<ObjectRemovalInput, FileOutput> OBJECT_REMOVAL =
      Model.builder(ObjectRemovalInput.class, FileOutput.class)
          .owner("sujaykhandekar").name("object-removal")
          .version("153b0087c2576ad30d8cbddb35275b387d1a6bf986bda5499948f843f6460faf")
          .description("Automated object removal: erases objects of given classes "
              + "from an image")
          .task(Task.OBJECT_REMOVAL).outputParser(OutputParser.singleFile()).build();

  /**
   * cjwbw/rembg:fb8af171. rembg: removes the background of an image. Output: one PNG URI (RGBA,
   * transparent background).
   */
  public static final Model<RembgInput, FileOutput> REMBG =
      Model.builder(RembgInput.class, FileOutput.class)
          .owner("cjwbw").name("rembg")
          .version("fb8af171cfa1616ddcf1242c093f9c46bcada5ad4cf6f2fbe8b81b330ec5c003")
          .description("rembg: removes the background of an image")
          .task(Task.BACKGROUND_REMOVAL).outputParser(OutputParser.singleFile()).build();

  /** The ten, in catalog order. */
  static final List<Model<?, ?>> ALL = List.of(STABLE_DIFFUSION, SDXL, STABLE_DIFFUSION_INPAINTING,
      STABLE_DIFFUSION_IMG2IMG, FLUX_SCHNELL_LORA, FLUX_DEV_LORA,
      STABLE_DIFFUSION_ANIMATION, ANIMATE_DIFF, OBJECT_REMOVAL, REMBG);

  private Models() {}

  /**
   * Any model, run with a map-based {@link GenericInput}; its output is the raw JSON (a List,
   * String, Double, Boolean or Map), returned unchanged. No input rule is checked.
   *
   * @param versionRef {@code owner/name:<64 hex>}, a bare 64-hex version id, or
   *     {@code owner/name} for an official model (its latest version)
   * @return the model
   * @throws IllegalArgumentException if the reference is in none of these forms
   */
  public static Model<GenericInput, Object> generic(String versionRef) {
    return Model.generic(VersionRef.parse(versionRef));
  }
}
