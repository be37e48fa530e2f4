package dev.replicate4j.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.replicate4j.ReplicateClient;
import dev.replicate4j.ValidationException;
import dev.replicate4j.models.FileOutput;
import dev.replicate4j.models.ImageInput;
import dev.replicate4j.models.Model;
import dev.replicate4j.models.ModelCatalog;
import dev.replicate4j.models.Task;
import dev.replicate4j.stub.StubOutput;
import dev.replicate4j.stub.StubRelay;
import dev.replicate4j.stub.junit.ReplicateStubExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Adding a model is one schema file: {@code src/test/models/acme.upscaler.yaml}, generated at build
 * time into this package (outside the SDK's own) as a consumer's build would, gives a typed
 * builder, a catalog constant, text parsing, and a stub that serves it.
 */
class EleventhModelDrillTest {
  private static final String IMG = "https://example.com/a.png";

  @Test
  void theSchemaGivesATypedImmutableBuilderWithGetters() {
    AcmeUpscalerInput input = AcmeUpscalerInput.builder().image(ImageInput.url(IMG)).scale(2)
        .outputFormat(AcmeUpscalerInput.OutputFormat.WEBP).build();

    assertThat(input.toWire()).containsExactly(Map.entry("image", IMG), Map.entry("scale", 2L),
        Map.entry("output_format", "webp"));
    assertThat(input.scale()).contains(2L);
    assertThat(input.faceEnhance()).isEmpty();
    assertThat(input.image().wireValue()).isEqualTo(IMG);
    assertThat(input.toBuilder().build()).isEqualTo(input).hasSameHashCodeAs(input);
    assertThat(input.toBuilder().scale(4).build()).isNotEqualTo(input);
    assertThat(input).hasToString(
        "AcmeUpscalerInput{image=\"" + IMG + "\", scale=2, output_format=\"webp\"}");
  }

  @Test
  void theSchemasRulesAreCheckedAtBuildWithEveryViolation() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> AcmeUpscalerInput.builder().scale(8).build());

    assertThat(e.violations()).extracting(v -> v.field() + ": " + v.rule()).containsExactly(
        "image: required, the model has no default", "scale: must be between 2 and 4");
    assertThat(e.violations()).allSatisfy(v -> assertThat(v.model()).isEqualTo("acme/upscaler"));
  }

  @Test
  void theCatalogConstantIsAModelThatParsesText() {
    Model<AcmeUpscalerInput, FileOutput> model = DrillModels.UPSCALER;

    assertThat(model.toString()).isEqualTo(
        "acme/upscaler:5c7d5dc6dd8bf75c1acaa8565735e7986bc5b66206b55cca93cb72c9bf15ccaa");
    assertThat(model.task()).isEqualTo(Task.IMAGE_TO_IMAGE);
    assertThat(model.parseInput(Map.of("image", IMG, "scale", "3", "output_format", "jpg")))
        .isEqualTo(AcmeUpscalerInput.builder().image(ImageInput.url(IMG)).scale(3)
            .outputFormat(AcmeUpscalerInput.OutputFormat.JPG).build());
    assertThat(ModelCatalog.builder().addStandard().add(model).build().get("acme/upscaler"))
        .isSameAs(model);
    assertThat(DrillModels.all()).containsExactly(model);
  }

  @Test
  void theStubServesTheRegisteredModelWithTheSchemasRules() throws Exception {
    try (StubRelay stub = StubRelay.builder().model(DrillModels.UPSCALER, StubOutput.SINGLE_PNG)
            .build().start();
        ReplicateClient client = ReplicateStubExtension.clientBuilder(stub).build()) {
      FileOutput upscaled = client.run(DrillModels.UPSCALER,
          AcmeUpscalerInput.builder().image(ImageInput.url(IMG)).scale(2).build());

      assertThat(upscaled.uri()).startsWith(stub.fileBaseUrl() + "/files/");
      assertThat(stub.journal().creates().get(0).body())
          .contains(DrillModels.UPSCALER.versionId().orElseThrow()).contains("\"scale\":2");
    }
  }

  @Test
  void withoutRegistrationTheStubDoesNotServeIt() throws Exception {
    try (StubRelay stub = StubRelay.builder().build().start();
        ReplicateClient client = ReplicateStubExtension.clientBuilder(stub).build()) {
      assertThat(catchThrowableOfType(dev.replicate4j.ReplicateException.class,
          () -> client.run(DrillModels.UPSCALER,
              AcmeUpscalerInput.builder().image(ImageInput.url(IMG)).build())))
          .hasMessageContaining("is not a version this relay serves");
    }
  }
}
