package dev.replicate4j.it;

import dev.replicate4j.ReplicateClient;
import dev.replicate4j.models.AnimateDiffInput;
import dev.replicate4j.models.AnimateDiffMotionModule;
import dev.replicate4j.models.AnimationOutputFormat;
import dev.replicate4j.models.FileOutput;
import dev.replicate4j.models.FluxAspectRatio;
import dev.replicate4j.models.FluxDevLoraInput;
import dev.replicate4j.models.FluxOutputFormat;
import dev.replicate4j.models.FluxSchnellLoraInput;
import dev.replicate4j.models.ImageInput;
import dev.replicate4j.models.Model;
import dev.replicate4j.models.ModelInput;
import dev.replicate4j.models.Models;
import dev.replicate4j.models.ObjectClass;
import dev.replicate4j.models.ObjectRemovalInput;
import dev.replicate4j.models.RembgInput;
import dev.replicate4j.models.SdxlInput;
import dev.replicate4j.models.StableDiffusionAnimationInput;
import dev.replicate4j.models.StableDiffusionImg2ImgInput;
import dev.replicate4j.models.StableDiffusionInpaintingInput;
import dev.replicate4j.models.StableDiffusionInput;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * One catalog model with a typed input for it, the files its typed output should hold and their
 * types, in order.
 *
 * @param model the model
 * @param input a valid input for it
 * @param files how to list the files of its typed output
 * @param expected the type of each file, in the order the output gives them
 */
record CatalogCase<I extends ModelInput, O>(Model<I, O> model, I input,
    Function<O, List<FileOutput>> files, List<Magic> expected) {

  /** Runs the case and returns the files of its typed output. */
  List<FileOutput> run(ReplicateClient client) {
    O output = client.run(model, input);
    if (!model.outputType().isInstance(output)) {
      throw new AssertionError(model + " returned " + output.getClass() + ", not "
          + model.outputType());
    }
    return files.apply(output);
  }

  @Override
  public String toString() {
    return model.owner().orElseThrow() + "/" + model.name().orElseThrow();
  }

  /** Every catalog model once, with inputs that make each output shape show. */
  static Stream<CatalogCase<?, ?>> all() {
    ImageInput image = ImageInput.bytes(tinyPng(), "image/png");
    return Stream.of(
        new CatalogCase<>(Models.STABLE_DIFFUSION, StableDiffusionInput.builder()
            .prompt("a lighthouse at dusk").numOutputs(2).seed(Seeds.next()).build(),
            out -> out.files(), List.of(Magic.PNG, Magic.PNG)),
        new CatalogCase<>(Models.SDXL, SdxlInput.builder()
            .prompt("an astronaut riding a horse").numOutputs(1).seed(Seeds.next()).build(),
            out -> out.files(), List.of(Magic.PNG)),
        new CatalogCase<>(Models.STABLE_DIFFUSION_INPAINTING, StableDiffusionInpaintingInput.builder()
            .image(image).mask(image).prompt("a red door").seed(Seeds.next()).build(),
            out -> out.files(), List.of(Magic.PNG)),
        new CatalogCase<>(Models.STABLE_DIFFUSION_IMG2IMG, StableDiffusionImg2ImgInput.builder()
            .image(image).prompt("in the style of a woodcut").numOutputs(3).seed(Seeds.next())
            .build(),
            out -> out.files(), List.of(Magic.PNG, Magic.PNG, Magic.PNG)),
        new CatalogCase<>(Models.FLUX_SCHNELL_LORA, FluxSchnellLoraInput.builder()
            .prompt("a watercolour fox").aspectRatio(FluxAspectRatio.RATIO_16_9).numOutputs(2)
            .outputFormat(FluxOutputFormat.WEBP).seed(Seeds.next()).build(),
            out -> out.files(), List.of(Magic.WEBP, Magic.WEBP)),
        new CatalogCase<>(Models.FLUX_DEV_LORA, FluxDevLoraInput.builder()
            .prompt("a neon city in the rain").outputFormat(FluxOutputFormat.JPG)
            .seed(Seeds.next()).build(),
            out -> out.files(), List.of(Magic.JPEG)),
        new CatalogCase<>(Models.STABLE_DIFFUSION_ANIMATION, StableDiffusionAnimationInput.builder()
            .promptStart("a seed").promptEnd("a tree").numAnimationFrames(3)
            .intermediateOutput(true).outputFormat(AnimationOutputFormat.GIF).seed(Seeds.next())
            .build(),
            out -> out.files(), List.of(Magic.PNG, Magic.PNG, Magic.PNG, Magic.GIF)),
        new CatalogCase<>(Models.ANIMATE_DIFF, AnimateDiffInput.builder()
            .prompt("waves on a beach").motionModule(AnimateDiffMotionModule.MM_SD_V15)
            .seed(Seeds.next()).build(),
            out -> List.of(out), List.of(Magic.MP4)),
        new CatalogCase<>(Models.OBJECT_REMOVAL, ObjectRemovalInput.builder()
            .imagePath(image).objectsToRemove(ObjectClass.CAR, ObjectClass.PERSON).build(),
            out -> List.of(out), List.of(Magic.PNG)),
        new CatalogCase<>(Models.REMBG, RembgInput.builder().image(image).build(),
            out -> List.of(out), List.of(Magic.PNG)));
  }

  /** An 8x8 PNG to use as an input image. */
  static byte[] tinyPng() {
    BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    img.setRGB(3, 3, 0xff8800);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
