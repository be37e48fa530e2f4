package com.example.upscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replicate4j.ValidationException;
import dev.replicate4j.models.FileOutput;
import dev.replicate4j.models.ImageInput;
import dev.replicate4j.models.Model;
import dev.replicate4j.models.ModelInput;
import dev.replicate4j.models.OutputParser;
import dev.replicate4j.models.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A downstream team's own input class, in its own package and without the SDK's internal schema,
 * parses from text through its builder exactly as the catalog's inputs do.
 */
class UpscaleInputParsingTest {
  private static final String HASH =
      "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
  private static final String M = "acme/upscaler: ";
  private static final String IMG = "https://example.com/low.png";
  private static final String FIELDS =
      "face, face_enhance, image, label, metadata, mode, scale, seed, strength, tags";

  private static final Model<UpscaleInput, FileOutput> UPSCALER = model(UpscaleInput.class);

  @Test
  void everyFieldAsTextGivesTheBuildersInput() {
    UpscaleInput parsed = UPSCALER.parseInput(text("image", IMG, "scale", "4",
        "face_enhance", "true", "face", "CodeFormer", "mode", "BEST", "strength", "0.25",
        "seed", "9000000000", "tags", "portrait,old photo", "label", "grandma"));

    UpscaleInput built = UpscaleInput.builder().image(ImageInput.url(IMG)).scale(4)
        .faceEnhance(true).face(UpscaleInput.Face.CODE_FORMER).mode(UpscaleInput.Mode.BEST)
        .strength(0.25).seed(9_000_000_000L).tags(List.of("portrait", "old photo"))
        .label("grandma").build();
    assertThat(parsed.toWire()).isEqualTo(built.toWire());
    assertThat(parsed.toWire().get("seed")).isEqualTo(9_000_000_000L);
  }

  @Test
  void theFieldsAreTheSnakeCaseOfTheSettersInAlphabeticalOrder() {
    assertThat(message(text("image", IMG, "faceEnhance", "true")))
        .isEqualTo(M + "faceEnhance = \"true\": unknown input; this model takes: " + FIELDS);
  }

  @Test
  void enumsMatchTheirWireValueOrElseTheirConstantName() {
    assertThat(message(text("image", IMG, "face", "CODE_FORMER", "mode", "best")))
        .isEqualTo("2 invalid inputs:\n"
            + "  - " + M + "face = \"CODE_FORMER\": must be one of gfpgan, CodeFormer\n"
            + "  - " + M + "mode = \"best\": must be one of FAST, BEST");
  }

  @Test
  void aSetterOfATypeTextCannotExpressIsAFieldForCodeOnly() {
    assertThat(message(text("image", IMG, "metadata", "a=b")))
        .isEqualTo(M + "metadata = \"a=b\": cannot be given as text: its setter takes "
            + "java.util.Map<java.lang.String, java.lang.String>; set it in code");
  }

  @Test
  void setterRefusalsConversionErrorsAndTheBuildersViolationsComeTogether() {
    assertThat(message(text("label", " ", "scale", "9", "seed", "soon")))
        .isEqualTo("4 invalid inputs:\n"
            + "  - " + M + "label = \" \": label must not be blank\n"
            + "  - " + M + "seed = \"soon\": not an integer\n"
            + "  - " + M + "image is missing: required\n"
            + "  - " + M + "scale = 9: must be between 2 and 8");
  }

  @Test
  void twoTextSettersForOneFieldBreakTheConventions() {
    Model<AmbiguousInput, FileOutput> ambiguous = model(AmbiguousInput.class);
    assertThatThrownBy(() -> ambiguous.parseInput(text("seed", "1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("com.example.upscale.AmbiguousInput cannot be built from text: the input "
            + "seed has 2 setters that take text-convertible types (int, java.lang.String); keep "
            + "one (see Model.parseInput for the builder conventions)");
  }

  @Test
  void anInputWithoutAStaticBuilderBreaksTheConventions() {
    Model<NoBuilder, FileOutput> model = model(NoBuilder.class);
    assertThatThrownBy(() -> model.parseInput(text("seed", "1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(NoBuilder.class.getName() + " cannot be built from text: it "
            + "needs a public static builder() whose result has a public build()");
  }

  /** An input made with a constructor only. */
  public static final class NoBuilder implements ModelInput {
    @Override
    public Map<String, Object> toWire() {
      return Map.of();
    }
  }

  private static <I extends ModelInput> Model<I, FileOutput> model(Class<I> inputType) {
    return Model.builder(inputType, FileOutput.class).owner("acme").name("upscaler")
        .version(HASH).task(Task.IMAGE_TO_IMAGE).outputParser(OutputParser.singleFile()).build();
  }

  private static String message(Map<String, String> text) {
    Throwable[] caught = new Throwable[1];
    assertThatThrownBy(() -> UPSCALER.parseInput(text)).isInstanceOf(ValidationException.class)
        .satisfies(e -> caught[0] = e);
    return caught[0].getMessage();
  }

  private static Map<String, String> text(String... keysAndValues) {
    Map<String, String> text = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      text.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return text;
  }
}
