package dev.replicate4j.models;

import static dev.replicate4j.models.InputParserTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Text to images, to object-class lists, and to generic JSON values. */
class InputParserValuesTest {
  private static final String REMBG = "cjwbw/rembg: ";
  private static final String REMOVAL = "sujaykhandekar/object-removal: ";
  private static final String HINT =
      " (an image is an http(s):// URL, a data: URI or a local file)";

  @TempDir
  Path dir;

  @Test
  void anHttpOrHttpsValueIsAnImageUrlSentAsGiven() {
    for (String url : new String[] {"https://example.com/a.png", "http://127.0.0.1:9/b.jpg",
        "HTTPS://EXAMPLE.COM/C.PNG"}) {
      RembgInput input = Models.REMBG.parseInput(text("image", url));
      assertThat(input).isEqualTo(RembgInput.builder().image(ImageInput.url(url)).build());
      assertThat(input.toWire()).containsEntry("image", url);
    }
  }

  @Test
  void aDataUriIsSentInlineAsGiven() {
    String dataUri = "data:image/png;base64,"
        + Base64.getEncoder().encodeToString(ImageInputTest.png(64));
    RembgInput input = Models.REMBG.parseInput(text("image", dataUri));
    assertThat(input.toWire()).containsEntry("image", dataUri);
  }

  @Test
  void anyOtherValueIsALocalFileReadAndSentAsADataUri() throws IOException {
    byte[] png = ImageInputTest.png(300);
    Path file = Files.write(dir.resolve("in put.png"), png);

    SdxlInput input = Models.SDXL.parseInput(text("image", file.toString(), "mask",
        "https://example.com/mask.png"));

    assertThat(input).isEqualTo(SdxlInput.builder().image(ImageInput.file(file))
        .mask(ImageInput.url("https://example.com/mask.png")).build());
    assertThat(input.toWire()).containsEntry("image",
        "data:image/png;base64," + Base64.getEncoder().encodeToString(png));
  }

  static Stream<Arguments> badImages() {
    return Stream.of(
        arguments("https://", REMBG + "image = \"https://\": is not a valid URL: "
            + "Expected authority"),
        arguments("data:image/png;base64", REMBG + "image = \"data:image/png;base64\": "
            + "is not a valid data URI: it has no ',' between the media type and the data"),
        arguments("ftp://example.com/a.png", REMBG + "image = \"ftp://example.com/a.png\": file "
            + Path.of("ftp://example.com/a.png") + " does not exist" + HINT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badImages")
  void anImageThatCannotBeUsedIsReportedForItsField(String value, String message) {
    assertThat(Json.violation(() -> Models.REMBG.parseInput(text("image", value))))
        .isEqualTo(message);
  }

  @Test
  void aMissingFileIsNamedAndNotAlsoReportedAsAMissingRequiredInput() {
    Path missing = dir.resolve("nope.png");
    assertThat(Json.violation(() -> Models.OBJECT_REMOVAL.parseInput(
        text("image_path", missing.toString(), "objects_to_remove", "person"))))
        .isEqualTo(REMOVAL + "image_path = \"" + missing + "\": file " + missing
            + " does not exist" + HINT);
  }

  @Test
  void aFileThatIsNotAnImageIsNamed() throws IOException {
    Path notes = Files.writeString(dir.resolve("notes.txt"), "hello");
    assertThat(Json.violation(() -> Models.REMBG.parseInput(text("image", notes.toString()))))
        .startsWith(REMBG + "image = \"" + notes + "\": file " + notes
            + " is not a PNG, JPEG, GIF or WEBP image by its first bytes");
  }

  static Stream<Arguments> objectClasses() {
    return Stream.of(
        arguments("person,car", "person,car"),
        arguments("car", "car"),
        arguments("person, dining table ,tv/monitor", "person,dining table,tv/monitor"),
        arguments("Aeroplane,Background", "Aeroplane,Background"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("objectClasses")
  void objectClassesAreCommaSeparatedWireValues(String value, String wire) {
    ObjectRemovalInput input = Models.OBJECT_REMOVAL.parseInput(
        text("image_path", "https://example.com/street.jpg", "objects_to_remove", value));
    assertThat(input.toWire()).containsEntry("objects_to_remove", wire);
  }

  @Test
  void personAndCarParseToTheBuildersList() {
    assertThat(Models.OBJECT_REMOVAL.parseInput(
        text("image_path", "https://example.com/s.jpg", "objects_to_remove", "person,car")))
        .isEqualTo(ObjectRemovalInput.builder()
            .imagePath(ImageInput.url("https://example.com/s.jpg"))
            .objectsToRemove(ObjectClass.PERSON, ObjectClass.CAR).build());
  }

  @Test
  void everyBadClassIsReportedAndAnEmptyListIsLeftToTheBuilder() {
    String image = "https://example.com/s.jpg";
    assertThat(Json.violation(() -> Models.OBJECT_REMOVAL.parseInput(
        text("image_path", image, "objects_to_remove", "Person,car,,plane"))))
        .startsWith("3 invalid inputs:\n"
            + "  - " + REMOVAL + "objects_to_remove = \"Person,car,,plane\": item \"Person\": "
            + "must be one of Background,")
        .contains("\n  - " + REMOVAL + "objects_to_remove = \"Person,car,,plane\": item \"\": ")
        .contains("\n  - " + REMOVAL + "objects_to_remove = \"Person,car,,plane\": "
            + "item \"plane\": ");
    assertThat(Json.violation(() -> Models.OBJECT_REMOVAL.parseInput(
        text("image_path", image, "objects_to_remove", ""))))
        .isEqualTo(REMOVAL + "objects_to_remove = []: must name at least one class");
  }

  @Test
  void genericValuesBecomeJsonByWhatTheTextLooksLike() {
    GenericInput input = Models.generic("acme/thing").parseInput(text("prompt", "a fox",
        "steps", "20", "negative", "-3", "scale", "7.5", "tiny", "1e-3", "hd", "true",
        "sharp", "false", "code", "007", "plus", "+1", "word", "True", "empty", "",
        "version", "1.2.3", "spaced", " 2"));

    assertThat(Json.of(input)).isEqualTo("{\"prompt\":\"a fox\",\"steps\":20,\"negative\":-3,"
        + "\"scale\":7.5,\"tiny\":0.001,\"hd\":true,\"sharp\":false,\"code\":\"007\","
        + "\"plus\":\"+1\",\"word\":\"True\",\"empty\":\"\",\"version\":\"1.2.3\","
        + "\"spaced\":\" 2\"}");
    assertThat(input.toWire().get("steps")).isEqualTo(20L);
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("prompt", "a fox");
    expected.put("steps", 20L);
    expected.put("negative", -3L);
    expected.put("scale", 7.5);
    expected.put("tiny", 0.001);
    expected.put("hd", true);
    expected.put("sharp", false);
    expected.put("code", "007");
    expected.put("plus", "+1");
    expected.put("word", "True");
    expected.put("empty", "");
    expected.put("version", "1.2.3");
    expected.put("spaced", " 2");
    assertThat(input).isEqualTo(GenericInput.of(expected));
  }

  @Test
  void genericNumbersBeyondLongAndDoubleAreSentExactly() {
    GenericInput input = Models.generic("acme/thing").parseInput(
        text("seed", "12345678901234567890", "scale", "1e999", "max", "9223372036854775807"));
    assertThat(input.toWire())
        .containsEntry("seed", new java.math.BigInteger("12345678901234567890"))
        .containsEntry("scale", new java.math.BigDecimal("1e999"))
        .containsEntry("max", Long.MAX_VALUE);
  }

  @Test
  void genericValuesThatCannotBeSentExactlyAreReported() {
    String m = "acme/thing: ";
    String huge = "1".repeat(1001);
    assertThat(Json.violation(() -> Models.generic("acme/thing").parseInput(
        text("seed", huge, "", "x"))))
        .startsWith("2 invalid inputs:\n  - " + m + "seed = \"111")
        .contains("(1001 chars)\": a number longer than 1000 characters cannot be sent exactly\n"
            + "  - " + m + " = \"x\": an input needs a name before the =");
  }

  @Test
  void aGenericModelByVersionIdTakesAnyKey() {
    GenericInput input = Models.generic(ModelTestSupport.HASH)
        .parseInput(text("anything", "1"));
    assertThat(input.toWire()).containsEntry("anything", 1L);
  }
}
