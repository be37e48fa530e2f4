package dev.replicate4j.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.replicate4j.ReplicateException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ModelCatalogTest {
  private static final String OWN_HASH =
      "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  private static final Model<GenericInput, FileOutput> UPSCALER =
      Model.builder(GenericInput.class, FileOutput.class)
          .owner("acme").name("upscaler").version(OWN_HASH).description("4x upscaler")
          .task(Task.IMAGE_TO_IMAGE).outputParser(OutputParser.singleFile()).build();

  static Stream<Model<?, ?>> standardModels() {
    return Models.ALL.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("standardModels")
  void eachModelIsFoundByHashByNameAndByNameWithHash(Model<?, ?> model) {
    ModelCatalog catalog = ModelCatalog.standard();
    String name = model.owner().orElseThrow() + "/" + model.name().orElseThrow();

    assertThat(catalog.get(model.versionId().orElseThrow())).isSameAs(model);
    assertThat(catalog.get(name)).isSameAs(model);
    assertThat(catalog.get(name + ":" + model.versionId().orElseThrow())).isSameAs(model);
    assertThat(catalog.find(name)).containsSame(model);
  }

  @Test
  void iterationListsTheTenInOrder() {
    List<Model<?, ?>> listed = new ArrayList<>();
    ModelCatalog.standard().forEach(listed::add);
    assertThat(listed).containsExactlyElementsOf(Models.ALL);
    assertThat(ModelCatalog.standard().size()).isEqualTo(10);
    assertThat(ModelCatalog.standard().models()).isEqualTo(Models.ALL);
  }

  @Test
  void anUnknownReferenceIsRefusedWithTheListOfKnownModels() {
    UnknownModelException e = catchThrowableOfType(UnknownModelException.class,
        () -> ModelCatalog.standard().get("stability-ai/stable-video"));

    // Refused by the catalog itself, not by something it called: the message is the whole story.
    assertThat(e).as("the lookup is refused").isNotNull().hasNoCause();
    assertThat(e.reference()).isEqualTo("stability-ai/stable-video");
    assertThat(e.getMessage()).startsWith(
        "Unknown model 'stability-ai/stable-video': no model has this name. Known models:\n"
            + "  stability-ai/stable-diffusion:"
            + "ac732df83cea7fff18b8472768c88ad041fa750ff7682a21affe81863cbe77e4 (TEXT_TO_IMAGE)\n");
    for (Model<?, ?> model : Models.ALL) {
      assertThat(e.getMessage()).contains(model.ref().toString());
    }
  }

  @Test
  void anUnknownVersionIsRefused() {
    assertThatThrownBy(() -> ModelCatalog.standard().get(OWN_HASH))
        .isInstanceOf(UnknownModelException.class)
        .hasMessageStartingWith("Unknown model '" + OWN_HASH + "': no model has this version.")
        .hasMessageContaining("cjwbw/rembg:fb8af171");
    assertThat(ModelCatalog.standard().find(OWN_HASH)).isEmpty();
  }

  @Test
  void aKnownVersionUnderTheWrongNameIsRefusedSayingWhoseItIs() {
    String ref = "stability-ai/sdxl:" + Models.REMBG.versionId().orElseThrow();
    assertThatThrownBy(() -> ModelCatalog.standard().get(ref))
        .isInstanceOf(UnknownModelException.class)
        .hasMessageStartingWith("Unknown model '" + ref
            + "': this version belongs to cjwbw/rembg, not stability-ai/sdxl.");
  }

  @Test
  void aMalformedReferenceIsAnUnknownModelThatSaysWhy() {
    assertThatThrownBy(() -> ModelCatalog.standard().get("sdxl"))
        .isInstanceOf(UnknownModelException.class)
        .hasMessageContaining("'sdxl' is not recognised")
        .hasMessageContaining("Known models:");
    assertThatThrownBy(() -> ModelCatalog.standard().find("sdxl"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTeamAddsItsOwnModelsToTheTen() {
    ModelCatalog catalog = ModelCatalog.builder().addStandard().add(UPSCALER).build();

    assertThat(catalog.size()).isEqualTo(11);
    assertThat(catalog.get("acme/upscaler")).isSameAs(UPSCALER);
    assertThat(catalog.get(OWN_HASH)).isSameAs(UPSCALER);
    Model<GenericInput, FileOutput> typed =
        catalog.get("acme/upscaler", GenericInput.class, FileOutput.class);
    assertThat(typed).isSameAs(UPSCALER);
    assertThat(catalog.get("stability-ai/sdxl", SdxlInput.class, FileOutputs.class))
        .isSameAs(Models.SDXL);
  }

  @Test
  void aTypedLookupWithTheWrongTypesIsRefused() {
    assertThatThrownBy(() -> ModelCatalog.standard()
        .get("cjwbw/rembg", RembgInput.class, FileOutputs.class))
        .isInstanceOf(ReplicateException.class)
        .hasMessage("Model cjwbw/rembg:" + Models.REMBG.versionId().orElseThrow()
            + " takes RembgInput and returns FileOutput, not RembgInput and FileOutputs");
  }

  @Test
  void aVersionCanBeAddedOnlyOnce() {
    assertThatThrownBy(() -> ModelCatalog.builder().addStandard().add(Models.SDXL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Version " + Models.SDXL.versionId().orElseThrow() + " is already in the catalog");
  }

  @Test
  void twoVersionsOfOneModelAreFoundByVersionButAmbiguousByName() {
    String newer = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";
    Model<GenericInput, FileOutput> upscalerV2 =
        Model.builder(GenericInput.class, FileOutput.class)
            .owner("acme").name("upscaler").version(newer).task(Task.IMAGE_TO_IMAGE)
            .outputParser(OutputParser.singleFile()).build();
    ModelCatalog catalog = ModelCatalog.builder().add(UPSCALER).add(upscalerV2).build();

    assertThat(catalog.get("acme/upscaler:" + newer)).isSameAs(upscalerV2);
    assertThatThrownBy(() -> catalog.get("acme/upscaler"))
        .isInstanceOf(ReplicateException.class)
        .isNotInstanceOf(UnknownModelException.class)
        .hasMessage("Model 'acme/upscaler' is ambiguous: the catalog holds 2 versions of it ("
            + OWN_HASH + ", " + newer + "); use owner/name:version");
  }

  @Test
  void aCatalogModelNeedsAFullReference() {
    assertThatThrownBy(() -> ModelCatalog.builder().add(Models.generic("acme/official")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no version id");
    assertThatThrownBy(() -> ModelCatalog.builder().add(Models.generic(OWN_HASH)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no owner/name");
  }

  @Test
  void anEmptyCatalogSaysSo() {
    assertThatThrownBy(() -> ModelCatalog.builder().build().get("a/b"))
        .hasMessage("Unknown model 'a/b': no model has this name. Known models: none");
  }
}
