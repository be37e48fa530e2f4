package dev.replicate4j.it;

import dev.replicate4j.models.SdxlInput;
import dev.replicate4j.models.StableDiffusionInput;

/** Small valid inputs with a fresh seed each, for tests where the model does not matter. */
final class Inputs {
  private Inputs() {}

  static SdxlInput sdxl() {
    return SdxlInput.builder().prompt("a lighthouse at dusk").seed(Seeds.next()).build();
  }

  static StableDiffusionInput stableDiffusion() {
    return StableDiffusionInput.builder().prompt("a lighthouse at dusk").seed(Seeds.next())
        .build();
  }
}
