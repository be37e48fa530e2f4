package dev.replicate4j.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Downstream teams define their own models; a model with missing parts is refused. */
class ModelBuilderTest {

  @Test
  void aModelOfYourOwnCarriesEverythingGiven() {
    Model<GenericInput, FileOutputs> own = Model.builder(GenericInput.class, FileOutputs.class)
        .owner("acme").name("tiler").version(ModelTestSupport.HASH).description("Tiles images")
        .task(Task.IMAGE_TO_IMAGE).outputParser(OutputParser.fileList()).build();

    assertThat(own.ref().toString()).isEqualTo("acme/tiler:" + ModelTestSupport.HASH);
    assertThat(own.description()).isEqualTo("Tiles images");
    assertThat(own.task()).isEqualTo(Task.IMAGE_TO_IMAGE);
    assertThat(own.parseOutput(List.of("https://x/1.png"), uri -> null).uris())
        .containsExactly("https://x/1.png");
    assertThat(own).isEqualTo(Model.builder(GenericInput.class, FileOutputs.class)
        .owner("acme").name("tiler").version(ModelTestSupport.HASH).task(Task.OTHER)
        .outputParser(OutputParser.fileList()).build());
  }

  @Test
  void everyMissingPartIsListed() {
    assertThatThrownBy(() -> Model.builder(GenericInput.class, Object.class).owner("acme").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot build model: owner, name and version are all required (got "
            + "acme/null:null); task is required; outputParser is required");
  }

  @Test
  void aVersionThatIsNot64HexIsRefused() {
    assertThatThrownBy(() -> Model.builder(GenericInput.class, Object.class)
        .owner("acme").name("x").version("v1").task(Task.OTHER)
        .outputParser(OutputParser.raw()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot build model: Model version reference 'acme/x:v1' has a "
            + "version that is not 64 lowercase hex characters");
  }
}
