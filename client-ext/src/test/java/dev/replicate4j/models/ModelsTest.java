package dev.replicate4j.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.replicate4j.ValidationException;
import dev.replicate4j.VersionRef;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The ten constants against the model reference: names, versions, tasks and types. */
class ModelsTest {

  static Stream<Arguments> catalog() {
    return Stream.of(
        Arguments.of(Models.STABLE_DIFFUSION, "stability-ai/stable-diffusion",
            "ac732df83cea7fff18b8472768c88ad041fa750ff7682a21affe81863cbe77e4", Task.TEXT_TO_IMAGE,
            StableDiffusionInput.class, FileOutputs.class, StableDiffusionInput.SPEC),
        Arguments.of(Models.SDXL, "stability-ai/sdxl",
            "7762fd07cf82c948538e41f63f77d685e02b063e37e496e96eefd46c929f9bdc", Task.TEXT_TO_IMAGE,
            SdxlInput.class, FileOutputs.class, SdxlInput.SPEC),
        Arguments.of(Models.STABLE_DIFFUSION_INPAINTING, "stability-ai/stable-diffusion-inpainting",
            "95b7223104132402a9ae91cc677285bc5eb997834bd2349fa486f53910fd68b3", Task.INPAINTING,
            StableDiffusionInpaintingInput.class, FileOutputs.class,
            StableDiffusionInpaintingInput.SPEC),
        Arguments.of(Models.STABLE_DIFFUSION_IMG2IMG, "stability-ai/stable-diffusion-img2img",
            "15a3689ee13b0d2616e98820eca31d4c3abcd36672df6afce5cb6feb1d66087d",
            Task.IMAGE_TO_IMAGE, StableDiffusionImg2ImgInput.class, FileOutputs.class,
            StableDiffusionImg2ImgInput.SPEC),
        Arguments.of(Models.FLUX_SCHNELL_LORA, "lucataco/flux-schnell-lora",
            "2a6b576af31790b470f0a8442e1e9791213fa13799cbb65a9fc1436e96389574", Task.TEXT_TO_IMAGE,
            FluxSchnellLoraInput.class, FileOutputs.class, FluxSchnellLoraInput.SPEC),
        Arguments.of(Models.FLUX_DEV_LORA, "lucataco/flux-dev-lora",
            "091495765fa5ef2725a175a57b276ec30dc9d39c22d30410f2ede68a3eab66b3", Task.TEXT_TO_IMAGE,
            FluxDevLoraInput.class, FileOutputs.class, FluxDevLoraInput.SPEC),
        Arguments.of(Models.STABLE_DIFFUSION_ANIMATION, "andreasjansson/stable-diffusion-animation",
            "ca1f5e306e5721e19c473e0d094e6603f0456fe759c10715fcd6c1b79242d4a5", Task.ANIMATION,
            StableDiffusionAnimationInput.class, AnimationOutput.class,
            StableDiffusionAnimationInput.SPEC),
        Arguments.of(Models.ANIMATE_DIFF, "lucataco/animate-diff",
            "beecf59c4aee8d81bf04f0381033dfa10dc16e845b4ae00d281e2fa377e48a9f", Task.ANIMATION,
            AnimateDiffInput.class, FileOutput.class, AnimateDiffInput.SPEC),
        Arguments.of(Models.OBJECT_REMOVAL, "sujaykhandekar/object-removal",
            "153b0087c2576ad30d8cbddb35275b387d1a6bf986bda5499948f843f6460faf",
            Task.OBJECT_REMOVAL, ObjectRemovalInput.class, FileOutput.class,
            ObjectRemovalInput.SPEC),
        Arguments.of(Models.REMBG, "cjwbw/rembg",
            "fb8af171cfa1616ddcf1242c093f9c46bcada5ad4cf6f2fbe8b81b330ec5c003",
            Task.BACKGROUND_REMOVAL, RembgInput.class, FileOutput.class, RembgInput.SPEC));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("catalog")
  void eachModelIsPinnedToItsVersionWithItsTypes(Model<?, ?> model, String ownerName,
      String version, Task task, Class<?> input, Class<?> output, InputSpec<?> schema) {
    assertThat(model.owner().orElseThrow() + "/" + model.name().orElseThrow()).isEqualTo(ownerName);
    assertThat(model.versionId()).contains(version);
    assertThat(model.ref()).isEqualTo(VersionRef.parse(ownerName + ":" + version));
    assertThat(model.ref().wireValue()).isEqualTo(version);
    assertThat(model.toString()).isEqualTo(ownerName + ":" + version);
    assertThat(model.task()).isEqualTo(task);
    assertThat(model.inputType()).isEqualTo(input);
    assertThat(model.outputType()).isEqualTo(output);
    assertThat(model.description()).isNotBlank();
    assertThat(schema.model()).as("violations name the model").isEqualTo(ownerName);
  }

  @Test
  void theTenAreTheCatalogInOrder() {
    assertThat(Models.ALL).containsExactly(Models.STABLE_DIFFUSION, Models.SDXL,
        Models.STABLE_DIFFUSION_INPAINTING, Models.STABLE_DIFFUSION_IMG2IMG,
        Models.FLUX_SCHNELL_LORA, Models.FLUX_DEV_LORA, Models.STABLE_DIFFUSION_ANIMATION,
        Models.ANIMATE_DIFF, Models.OBJECT_REMOVAL, Models.REMBG);
  }

  @Test
  void aViolationFromATypedInputNamesTheSameModelAsTheConstant() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> SdxlInput.builder().numOutputs(9).build());
    assertThat(e.violations().get(0).model())
        .isEqualTo(Models.SDXL.owner().orElseThrow() + "/" + Models.SDXL.name().orElseThrow());
  }

  @Test
  void genericModelsTakeAnyOfTheThreeReferenceForms() {
    String hash = "5c7d5dc6dd8bf75c1acaa8565735e7986bc5b66206b55cca93cb72c9bf15ccaa";
    Model<GenericInput, Object> full = Models.generic("acme/upscaler:" + hash);
    assertThat(full.owner()).contains("acme");
    assertThat(full.name()).contains("upscaler");
    assertThat(full.versionId()).contains(hash);
    assertThat(full.task()).isEqualTo(Task.OTHER);
    assertThat(full.inputType()).isEqualTo(GenericInput.class);
    assertThat(full.outputType()).isEqualTo(Object.class);

    Model<GenericInput, Object> bare = Models.generic(hash);
    assertThat(bare.owner()).isEmpty();
    assertThat(bare.ref().wireValue()).isEqualTo(hash);

    Model<GenericInput, Object> official = Models.generic("black-forest-labs/flux-schnell");
    assertThat(official.versionId()).isEmpty();
    assertThat(official.ref().wireValue()).isEqualTo("black-forest-labs/flux-schnell");
  }

  @Test
  void aMalformedGenericReferenceIsRefusedWithTheAcceptedForms() {
    assertThat(catchThrowableOfType(IllegalArgumentException.class,
        () -> Models.generic("acme/upscaler:v2")).getMessage())
        .contains("'v2'").contains("owner/name:<64-hex version id>");
  }
}
