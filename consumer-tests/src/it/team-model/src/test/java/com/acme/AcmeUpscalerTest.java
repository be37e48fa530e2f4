package com.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.models.AcmeModels;
import com.acme.models.AcmeUpscalerInput;
import dev.replicate4j.ReplicateClient;
import dev.replicate4j.ValidationException;
import dev.replicate4j.models.FileOutput;
import dev.replicate4j.models.ImageInput;
import dev.replicate4j.models.ModelCatalog;
import dev.replicate4j.stub.StubOutput;
import dev.replicate4j.stub.StubRelay;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The team's generated model: typed, validated from its schema, parsed from text, served by the stub. */
class AcmeUpscalerTest {
  private static final String IMAGE = "https://example.com/a.png";

  @Test
  void theGeneratedInputChecksTheSchemasRules() {
    assertThatThrownBy(() -> AcmeUpscalerInput.builder().image(ImageInput.url(IMAGE)).scale(9).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("acme/upscaler").hasMessageContaining("scale");
    assertThat(AcmeModels.UPSCALER.parseInput(Map.of("image", IMAGE, "scale", "3")))
        .isEqualTo(AcmeUpscalerInput.builder().image(ImageInput.url(IMAGE)).scale(3).build());
    assertThat(ModelCatalog.builder().addStandard().add(AcmeModels.UPSCALER).build()
        .get("acme/upscaler")).isSameAs(AcmeModels.UPSCALER);
  }

  @Test
  void theStubServesTheRegisteredModel() throws Exception {
    try (StubRelay stub = StubRelay.builder().model(AcmeModels.UPSCALER, StubOutput.SINGLE_PNG)
            .build().start();
        ReplicateClient client = ReplicateClient.builder()
            .baseUrl(stub.baseUrl()).apiKey(stub.apiKey()).build()) {
      FileOutput upscaled = client.run(AcmeModels.UPSCALER,
          AcmeUpscalerInput.builder().image(ImageInput.url(IMAGE)).scale(2).build());
      try (InputStream in = upscaled.openStream()) {
        assertThat(in.readNBytes(4)).containsExactly(0x89, 'P', 'N', 'G');
      }
      assertThat(stub.journal().creates().get(0).body()).contains("\"scale\":2");
    }
  }
}
