package dev.replicate4j.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Each enum holds exactly the model's values, spelled exactly, and each one reaches the JSON. */
class EnumWireValuesTest {

  static Stream<Arguments> enums() {
    return Stream.of(
        Arguments.of(StableDiffusionScheduler.class, List.of("DDIM", "K_EULER",
            "DPMSolverMultistep", "K_EULER_ANCESTRAL", "PNDM", "KLMS")),
        Arguments.of(SdxlScheduler.class, List.of("DDIM", "DPMSolverMultistep", "HeunDiscrete",
            "KarrasDPM", "K_EULER_ANCESTRAL", "K_EULER", "PNDM")),
        Arguments.of(SdxlRefiner.class, List.of("no_refiner", "expert_ensemble_refiner",
            "base_image_refiner")),
        Arguments.of(FluxAspectRatio.class, List.of("1:1", "16:9", "21:9", "3:2", "2:3", "4:5",
            "5:4", "3:4", "4:3", "9:16", "9:21")),
        Arguments.of(FluxOutputFormat.class, List.of("webp", "jpg", "png")),
        Arguments.of(AnimationOutputFormat.class, List.of("gif", "mp4")),
        Arguments.of(AnimateDiffMotionModule.class, List.of("mm_sd_v14", "mm_sd_v15",
            "mm_sd_v15_v2")),
        Arguments.of(AnimateDiffBasePath.class, List.of("toonyou_beta3.safetensors",
            "lyriel_v16.safetensors", "rcnzCartoon3d_v10.safetensors",
            "majicmixRealistic_v5Preview.safetensors", "realisticVisionV40_v20Novae.safetensors")),
        Arguments.of(ObjectClass.class, List.of("Background", "Aeroplane", "bicycle", "bird",
            "boat", "bottle", "bus", "car", "cat", "chair", "cow", "dining table", "dog", "horse",
            "motorbike", "person", "potted plant", "sheep", "sofa", "train", "tv/monitor")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enums")
  void enumHoldsExactlyTheModelsValues(Class<? extends Enum<?>> type, List<String> expected) {
    assertThat(Arrays.stream(type.getEnumConstants()).map(c -> ((WireEnum) c).wireValue()))
        .containsExactlyElementsOf(expected);
  }

  @ParameterizedTest
  @EnumSource(FluxAspectRatio.class)
  void aspectRatioPixelsHaveTheRatioTheyAreNamedFor(FluxAspectRatio ratio) {
    String[] parts = ratio.wireValue().split(":");
    double named = Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
    assertThat((double) ratio.width() / ratio.height()).isCloseTo(named,
        org.assertj.core.data.Offset.offset(0.08));
  }

  @ParameterizedTest
  @EnumSource(StableDiffusionScheduler.class)
  void stableDiffusionFamilySchedulersAreSent(StableDiffusionScheduler s) {
    assertThat(StableDiffusionInput.builder().scheduler(s).build().toWire())
        .containsEntry("scheduler", s.wireValue());
    assertThat(Rules.inpainting().scheduler(s).build().toWire())
        .containsEntry("scheduler", s.wireValue());
    assertThat(Rules.img2img().scheduler(s).build().toWire())
        .containsEntry("scheduler", s.wireValue());
  }

  @ParameterizedTest
  @EnumSource(SdxlScheduler.class)
  void sdxlSchedulersAreSent(SdxlScheduler s) {
    assertThat(SdxlInput.builder().scheduler(s).build().toWire())
        .containsEntry("scheduler", s.wireValue());
  }

  @ParameterizedTest
  @EnumSource(SdxlRefiner.class)
  void sdxlRefinersAreSent(SdxlRefiner r) {
    assertThat(SdxlInput.builder().refine(r).build().toWire())
        .containsEntry("refine", r.wireValue());
  }

  @ParameterizedTest
  @EnumSource(FluxAspectRatio.class)
  void fluxAspectRatiosAreSent(FluxAspectRatio r) {
    assertThat(Rules.schnell().aspectRatio(r).build().toWire())
        .containsEntry("aspect_ratio", r.wireValue());
    assertThat(Rules.dev().aspectRatio(r).build().toWire())
        .containsEntry("aspect_ratio", r.wireValue());
  }

  @ParameterizedTest
  @EnumSource(FluxOutputFormat.class)
  void fluxOutputFormatsAreSent(FluxOutputFormat f) {
    assertThat(Rules.schnell().outputFormat(f).build().toWire())
        .containsEntry("output_format", f.wireValue());
    assertThat(Rules.dev().outputFormat(f).build().toWire())
        .containsEntry("output_format", f.wireValue());
  }

  @ParameterizedTest
  @EnumSource(AnimationOutputFormat.class)
  void animationFormatsAreSent(AnimationOutputFormat f) {
    assertThat(Rules.animation().outputFormat(f).build().toWire())
        .containsEntry("output_format", f.wireValue());
  }

  @ParameterizedTest
  @EnumSource(AnimateDiffMotionModule.class)
  void motionModulesAreSent(AnimateDiffMotionModule m) {
    assertThat(AnimateDiffInput.builder().motionModule(m).build().toWire())
        .containsEntry("motion_module", m.wireValue());
  }

  @ParameterizedTest
  @EnumSource(AnimateDiffBasePath.class)
  void basePathsAreSent(AnimateDiffBasePath p) {
    assertThat(AnimateDiffInput.builder().path(p).build().toWire())
        .containsEntry("path", p.wireValue());
  }
}
