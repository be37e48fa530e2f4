package dev.replicate4j.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RembgInputTest {
  @Test
  void fullInputIsSentExactly() {
    RembgInput input = RembgInput.builder()
        .image(ImageInput.url("https://example.com/product.jpg")).build();

    assertThat(Json.of(input)).isEqualTo("{\"image\":\"https://example.com/product.jpg\"}");
  }

  @Test
  void imageIsRequiredInPracticeThoughTheSchemaDefaultsItToEmpty() {
    assertThat(Json.violation(() -> RembgInput.builder().build()))
        .isEqualTo("cjwbw/rembg: image is missing: required, the model has no default");
  }

  @Test
  void inlineImagesAreSentAsDataUris() {
    byte[] png = ImageInputTest.png(500);
    RembgInput input = RembgInput.builder().image(ImageInput.bytes(png)).build();

    assertThat((String) input.toWire().get("image"))
        .startsWith("data:image/png;base64,iVBORw0KGgo");
    assertThat(input.toString()).startsWith("RembgInput{image=\"data:image/png;base64,")
        .contains(" chars)");
  }
}
