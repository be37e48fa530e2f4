package dev.replicate4j.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Text {@code key=value} pairs to typed catalog inputs: the same JSON as the builder calls, each
 * kind of conversion failure, unknown keys, and conversion and range problems reported together.
 * Images, object classes and generic models are in {@link InputParserValuesTest}.
 */
class InputParserTest {
  private static final String IMG = "https://example.com/in.png";
  private static final String MASK = "https://example.com/mask.png";

  /** For each catalog model: every field as text, and the same input built in code. */
  static Stream<Arguments> everyFieldOfEveryModel() {
    return Stream.of(
        arguments(Models.STABLE_DIFFUSION, text("prompt", "a red fox", "height", "512",
            "width", "768", "negative_prompt", "blurry", "num_outputs", "4",
            "num_inference_steps", "30", "guidance_scale", "7.5", "scheduler", "KLMS",
            "seed", "42"),
            StableDiffusionInput.builder().prompt("a red fox").height(512).width(768)
                .negativePrompt("blurry").numOutputs(4).numInferenceSteps(30).guidanceScale(7.5)
                .scheduler(StableDiffusionScheduler.KLMS).seed(42).build()),
        arguments(Models.SDXL, text("prompt", "a watercolor fox", "negative_prompt", "text",
            "image", IMG, "mask", MASK, "width", "1152", "height", "896", "num_outputs", "4",
            "scheduler", "KarrasDPM", "num_inference_steps", "40", "guidance_scale", "12.5",
            "prompt_strength", "0.65", "seed", "7", "refine", "expert_ensemble_refiner",
            "high_noise_frac", "0.7", "refine_steps", "10", "apply_watermark", "false",
            "lora_scale", "0.5", "replicate_weights", "https://replicate.delivery/w.tar",
            "disable_safety_checker", "true"),
            SdxlInput.builder().prompt("a watercolor fox").negativePrompt("text")
                .image(ImageInput.url(IMG)).mask(ImageInput.url(MASK)).width(1152).height(896)
                .numOutputs(4).scheduler(SdxlScheduler.KARRAS_DPM).numInferenceSteps(40)
                .guidanceScale(12.5).promptStrength(0.65).seed(7)
                .refine(SdxlRefiner.EXPERT_ENSEMBLE_REFINER).highNoiseFrac(0.7).refineSteps(10)
                .applyWatermark(false).loraScale(0.5)
                .replicateWeights("https://replicate.delivery/w.tar").disableSafetyChecker(true)
                .build()),
        arguments(Models.STABLE_DIFFUSION_INPAINTING, text("image", IMG, "mask", MASK,
            "prompt", "a red sofa", "negative_prompt", "people", "width", "640", "height", "448",
            "scheduler", "DPMSolverMultistep", "num_outputs", "3", "guidance_scale", "9",
            "num_inference_steps", "60", "seed", "1234", "disable_safety_checker", "true"),
            StableDiffusionInpaintingInput.builder().image(ImageInput.url(IMG))
                .mask(ImageInput.url(MASK)).prompt("a red sofa").negativePrompt("people")
                .width(640).height(448).scheduler(StableDiffusionScheduler.DPM_SOLVER_MULTISTEP)
                .numOutputs(3).guidanceScale(9).numInferenceSteps(60).seed(1234)
                .disableSafetyChecker(true).build()),
        arguments(Models.STABLE_DIFFUSION_IMG2IMG, text("prompt", "a castle at dusk",
            "negative_prompt", "fog", "image", IMG, "prompt_strength", "0.6", "num_outputs", "8",
            "num_inference_steps", "25", "guidance_scale", "7.5", "scheduler", "K_EULER_ANCESTRAL",
            "seed", "-99"),
            StableDiffusionImg2ImgInput.builder().prompt("a castle at dusk").negativePrompt("fog")
                .image(ImageInput.url(IMG)).promptStrength(0.6).numOutputs(8)
                .numInferenceSteps(25).guidanceScale(7.5)
                .scheduler(StableDiffusionScheduler.K_EULER_ANCESTRAL).seed(-99).build()),
        arguments(Models.FLUX_SCHNELL_LORA, text("prompt", "a lighthouse, style of TOK",
            "aspect_ratio", "21:9", "image", IMG, "prompt_strength", "0.9", "num_outputs", "2",
            "num_inference_steps", "12", "seed", "5", "output_format", "jpg",
            "output_quality", "100", "hf_lora", "alvdansen/frosting_lane_flux", "lora_scale", "1",
            "disable_safety_checker", "false"),
            FluxSchnellLoraInput.builder().prompt("a lighthouse, style of TOK")
                .aspectRatio(FluxAspectRatio.RATIO_21_9).image(ImageInput.url(IMG))
                .promptStrength(0.9).numOutputs(2).numInferenceSteps(12).seed(5)
                .outputFormat(FluxOutputFormat.JPG).outputQuality(100)
                .hfLora("alvdansen/frosting_lane_flux").loraScale(1).disableSafetyChecker(false)
                .build()),
        arguments(Models.FLUX_DEV_LORA, text("prompt", "portrait of TOK", "aspect_ratio", "9:16",
            "image", IMG, "prompt_strength", "0.75", "num_outputs", "4",
            "num_inference_steps", "50", "guidance_scale", "3.5", "seed", "2024",
            "output_format", "png", "output_quality", "0", "hf_lora", "user/repo",
            "lora_scale", "0.8", "disable_safety_checker", "true"),
            FluxDevLoraInput.builder().prompt("portrait of TOK")
                .aspectRatio(FluxAspectRatio.RATIO_9_16).image(ImageInput.url(IMG))
                .promptStrength(0.75).numOutputs(4).numInferenceSteps(50).guidanceScale(3.5)
                .seed(2024).outputFormat(FluxOutputFormat.PNG).outputQuality(0).hfLora("user/repo")
                .loraScale(0.8).disableSafetyChecker(true).build()),
        arguments(Models.STABLE_DIFFUSION_ANIMATION, text("prompt_start", "a seed in the ground",
            "prompt_end", "a sapling|a great oak tree", "width", "1024", "height", "768",
            "num_inference_steps", "100", "prompt_strength", "0.9", "num_animation_frames", "50",
            "num_interpolation_steps", "1", "guidance_scale", "20", "gif_frames_per_second", "50",
            "gif_ping_pong", "true", "film_interpolation", "false", "intermediate_output", "true",
            "seed", "3", "output_format", "mp4"),
            StableDiffusionAnimationInput.builder().promptStart("a seed in the ground")
                .promptEnd("a sapling|a great oak tree").width(1024).height(768)
                .numInferenceSteps(100).promptStrength(0.9).numAnimationFrames(50)
                .numInterpolationSteps(1).guidanceScale(20).gifFramesPerSecond(50)
                .gifPingPong(true).filmInterpolation(false).intermediateOutput(true).seed(3)
                .outputFormat(AnimationOutputFormat.MP4).build()),
        arguments(Models.ANIMATE_DIFF, text("motion_module", "mm_sd_v15_v2",
            "path", "realisticVisionV40_v20Novae.safetensors", "prompt", "waves at sunset",
            "n_prompt", "people", "steps", "100", "guidance_scale", "10", "seed", "0"),
            AnimateDiffInput.builder().motionModule(AnimateDiffMotionModule.MM_SD_V15_V2)
                .path(AnimateDiffBasePath.REALISTIC_VISION_V40_V20_NOVAE).prompt("waves at sunset")
                .nPrompt("people").steps(100).guidanceScale(10).seed(0).build()),
        arguments(Models.OBJECT_REMOVAL, text("image_path", IMG,
            "objects_to_remove", "person,car,dining table"),
            ObjectRemovalInput.builder().imagePath(ImageInput.url(IMG))
                .objectsToRemove(ObjectClass.PERSON, ObjectClass.CAR, ObjectClass.DINING_TABLE)
                .build()),
        arguments(Models.REMBG, text("image", IMG),
            RembgInput.builder().image(ImageInput.url(IMG)).build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyFieldOfEveryModel")
  void everyFieldAsTextGivesExactlyTheBuildersJson(Model<?, ?> model, Map<String, String> text,
      ModelInput expected) {
    ModelInput parsed = model.parseInput(text);

    assertThat(text.keySet()).as("the row sets every field of the model")
        .containsExactlyInAnyOrderElementsOf(model.inputSpec().orElseThrow().fieldNames());
    assertThat(parsed).isInstanceOf(model.inputType()).isEqualTo(expected);
    assertThat(Json.of(parsed)).isEqualTo(Json.of(expected));
  }

  @Test
  void theTableCoversTheWholeCatalog() {
    assertThat(everyFieldOfEveryModel().map(row -> row.get()[0]))
        .containsExactlyElementsOf(Models.ALL);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyFieldOfEveryModel")
  void everyEnumConstantIsReadByItsWireValue(Model<?, ?> model, Map<String, String> text) {
    InputSpec<?> spec = model.inputSpec().orElseThrow();
    for (String field : spec.fieldNames()) {
      if (spec.rule(field).field.kind() != InputSpec.Field.Kind.CHOICE) {
        continue;
      }
      for (String wire : spec.rule(field).constants.keySet()) {
        Map<String, String> changed = new LinkedHashMap<>(text);
        changed.put(field, wire);
        assertThat(model.parseInput(changed).toWire()).as(field).containsEntry(field, wire);
      }
    }
  }

  /** Each row: the model, valid text for its required fields, one bad pair, the message. */
  static Stream<Arguments> conversionFailures() {
    Map<String, String> none = Map.of();
    Map<String, String> flux = text("prompt", "a fox");
    Map<String, String> removal = text("image_path", IMG);
    String sd = "stability-ai/stable-diffusion: ";
    String sdxl = "stability-ai/sdxl: ";
    return Stream.of(
        arguments(Models.SDXL, none, "num_outputs", "two", sdxl
            + "num_outputs = \"two\": not an integer"),
        arguments(Models.SDXL, none, "num_outputs", "2.0", sdxl
            + "num_outputs = \"2.0\": not an integer"),
        arguments(Models.SDXL, none, "num_outputs", "", sdxl
            + "num_outputs = \"\": not an integer"),
        arguments(Models.SDXL, none, "width", "-9223372036854775809", sdxl
            + "width = \"-9223372036854775809\": not an integer from -9223372036854775808 to "
            + "9223372036854775807"),
        arguments(Models.SDXL, none, "seed", "9223372036854775808", sdxl
            + "seed = \"9223372036854775808\": not an integer from -9223372036854775808 to "
            + "9223372036854775807"),
        arguments(Models.SDXL, none, "guidance_scale", "high", sdxl
            + "guidance_scale = \"high\": not a number"),
        arguments(Models.SDXL, none, "guidance_scale", "NaN", sdxl
            + "guidance_scale = \"NaN\": not a number"),
        arguments(Models.SDXL, none, "guidance_scale", "0x1p3", sdxl
            + "guidance_scale = \"0x1p3\": not a number"),
        arguments(Models.SDXL, none, "lora_scale", "1e999", sdxl
            + "lora_scale = \"1e999\": not a finite number"),
        arguments(Models.SDXL, none, "apply_watermark", "yes", sdxl
            + "apply_watermark = \"yes\": must be true or false"),
        arguments(Models.SDXL, none, "apply_watermark", "TRUE", sdxl
            + "apply_watermark = \"TRUE\": must be true or false"),
        arguments(Models.SDXL, none, "scheduler", "euler", sdxl + "scheduler = \"euler\": must be "
            + "one of DDIM, DPMSolverMultistep, HeunDiscrete, KarrasDPM, K_EULER_ANCESTRAL, "
            + "K_EULER, PNDM"),
        arguments(Models.STABLE_DIFFUSION, none, "scheduler", "KarrasDPM", sd + "scheduler = "
            + "\"KarrasDPM\": must be one of DDIM, K_EULER, DPMSolverMultistep, "
            + "K_EULER_ANCESTRAL, PNDM, KLMS"),
        arguments(Models.FLUX_DEV_LORA, flux, "aspect_ratio", "RATIO_16_9",
            "lucataco/flux-dev-lora: aspect_ratio = \"RATIO_16_9\": must be one of 1:1, 16:9, "
                + "21:9, 3:2, 2:3, 4:5, 5:4, 3:4, 4:3, 9:16, 9:21"),
        arguments(Models.FLUX_DEV_LORA, flux, "output_format", "PNG",
            "lucataco/flux-dev-lora: output_format = \"PNG\": must be one of webp, jpg, png"),
        arguments(Models.OBJECT_REMOVAL, removal, "objects_to_remove", "person,dragon",
            "sujaykhandekar/object-removal: objects_to_remove = \"person,dragon\": item "
                + "\"dragon\": must be one of Background, Aeroplane, bicycle, bird, boat, bottle, "
                + "bus, car, cat, chair, cow, dining table, dog, horse, motorbike, person, "
                + "potted plant, sheep, sofa, train, tv/monitor"));
  }

  @ParameterizedTest(name = "{2}={3}")
  @MethodSource("conversionFailures")
  void aValueThatDoesNotConvertNamesModelFieldValueAndRule(Model<?, ?> model,
      Map<String, String> valid, String field, String value, String message) {
    Map<String, String> text = new LinkedHashMap<>(valid);
    text.put(field, value);
    assertThat(Json.violation(() -> model.parseInput(text))).isEqualTo(message);
  }

  @Test
  void surroundingSpacesAreDroppedFromNumbersBooleansAndEnumsButKeptInText() {
    SdxlInput input = Models.SDXL.parseInput(text("num_outputs", " 2 ", "guidance_scale", "+7.5",
        "apply_watermark", "false ", "scheduler", " DDIM", "prompt", " a fox "));
    assertThat(Json.of(input)).isEqualTo("{\"prompt\":\" a fox \",\"num_outputs\":2,"
        + "\"scheduler\":\"DDIM\",\"guidance_scale\":7.5,\"apply_watermark\":false}");
  }

  @Test
  void anUnknownKeyListsEveryFieldTheModelTakesInSchemaOrder() {
    assertThat(Json.violation(() -> Models.STABLE_DIFFUSION.parseInput(
        text("prompt", "a fox", "numOutputs", "2"))))
        .isEqualTo("stability-ai/stable-diffusion: numOutputs = \"2\": unknown input; this model "
            + "takes: prompt, height, width, negative_prompt, num_outputs, num_inference_steps, "
            + "guidance_scale, scheduler, seed");
    assertThat(Json.violation(() -> Models.REMBG.parseInput(text("image", IMG, "mask", MASK))))
        .isEqualTo("cjwbw/rembg: mask = \"" + MASK + "\": unknown input; this model takes: image");
  }

  @Test
  void conversionUnknownKeyAndRangeViolationsAreReportedTogether() {
    Map<String, String> text = text("num_outputs", "5", "guidance_scale", "abc", "stepz", "10",
        "num_inference_steps", "0", "scheduler", "fast");
    String m = "stability-ai/sdxl: ";
    String fields = SdxlInput.SPEC.fieldNames().toString().replaceAll("[\\[\\]]", "");
    assertThat(Json.violation(() -> Models.SDXL.parseInput(text))).isEqualTo("5 invalid inputs:\n"
        + "  - " + m + "guidance_scale = \"abc\": not a number\n"
        + "  - " + m + "stepz = \"10\": unknown input; this model takes: " + fields + "\n"
        + "  - " + m + "scheduler = \"fast\": must be one of DDIM, DPMSolverMultistep, "
        + "HeunDiscrete, KarrasDPM, K_EULER_ANCESTRAL, K_EULER, PNDM\n"
        + "  - " + m + "num_outputs = 5: must be between 1 and 4\n"
        + "  - " + m + "num_inference_steps = 0: must be between 1 and 500");
  }

  @Test
  void missingRequiredFieldsAreReportedWithConversionProblems() {
    String m = "lucataco/flux-dev-lora: ";
    assertThat(Json.violation(() -> Models.FLUX_DEV_LORA.parseInput(text("num_outputs", "x"))))
        .isEqualTo("2 invalid inputs:\n"
            + "  - " + m + "num_outputs = \"x\": not an integer\n"
            + "  - " + m + "prompt is missing: required, the model has no default");
  }

  @Test
  void aRequiredFieldWhoseTextDidNotConvertIsNotAlsoReportedMissing() {
    assertThat(Json.violation(() -> Models.STABLE_DIFFUSION_ANIMATION.parseInput(
        text("prompt_start", "dawn", "prompt_end", "dusk", "width", "wide"))))
        .isEqualTo("andreasjansson/stable-diffusion-animation: width = \"wide\": not an integer");
  }

  @Test
  void noKeysAtAllIsTheBuildersEmptyInput() {
    assertThat(Models.SDXL.parseInput(Map.of())).isEqualTo(SdxlInput.builder().build());
    assertThat(Json.violation(() -> Models.REMBG.parseInput(Map.of())))
        .isEqualTo("cjwbw/rembg: image is missing: required, the model has no default");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyFieldOfEveryModel")
  void everyCatalogFieldHasOneSetterThatTextReaches(Model<?, ?> model) {
    InputSpec<?> spec = model.inputSpec().orElseThrow();
    for (String field : spec.fieldNames()) {
      assertThat(spec.rule(field).setter).as(field).isNotNull();
    }
  }

  @Test
  void theSchemasDefaultsAreTypedAsTheirFields() {
    InputSpec<?> spec = Models.SDXL.inputSpec().orElseThrow();
    assertThat(spec.rule("num_outputs").field.defaultValue()).contains(1L);
    assertThat(spec.rule("guidance_scale").field.defaultValue()).contains(7.5);
    assertThat(spec.rule("scheduler").field.defaultValue()).contains("K_EULER");
    assertThat(spec.rule("apply_watermark").field.defaultValue()).contains(true);
    assertThat(spec.rule("image").field.defaultValue()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyFieldOfEveryModel")
  void everyDefaultPassesItsOwnFieldsRules(Model<?, ?> model, Map<String, String> text) {
    for (InputSpec.Field field : model.inputSpec().orElseThrow().fields()) {
      field.defaultValue().ifPresent(value -> {
        Map<String, String> changed = new LinkedHashMap<>(text);
        changed.put(field.name(), String.valueOf(value));
        assertThat(model.parseInput(changed).toWire()).as(field.name())
            .containsKey(field.name());
      });
    }
  }

  @Test
  void aModelWithoutAnInputSpecParsesOnlyInCodeAndSaysSo() {
    Model<SdxlInput, FileOutputs> bare = Model.builder(SdxlInput.class, FileOutputs.class)
        .owner("acme").name("bare").version(Models.SDXL.versionId().orElseThrow())
        .task(Task.TEXT_TO_IMAGE).outputParser(OutputParser.fileList()).build();

    assertThatThrownBy(() -> bare.parseInput(Map.of("prompt", "a fox")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("acme/bare: dev.replicate4j.models.SdxlInput has no InputSpec, so it can only "
            + "be built in code; give the model one with Model.Builder.inputSpec");
  }

  /** Alternating keys and values, in order. */
  static Map<String, String> text(String... keysAndValues) {
    Map<String, String> text = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      text.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return text;
  }
}
