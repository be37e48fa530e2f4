package dev.replicate4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

/** The generator on schema folders written here, as the Maven plugin runs it. */
class ModelsCodegenTest {
  private static final String CATALOG = "openapi: 3.0.3\n"
      + "info: {title: t, version: 0.1.0, x-catalog: {class: TeamModels}}\npaths: {}\n";

  @TempDir
  Path dir;

  @Test
  void aSchemaGivesAnInputClassWithItsRulesAndACatalogConstant() throws IOException {
    write("acme.thing.yaml", schema("acme", "thing", "Thing",
        "        scale: {type: integer, minimum: 2, maximum: 4, default: 4, x-order: 1}\n"
            + "        mode: {type: string, enum: [fast, best], default: best, x-order: 0}\n"
            + "        strength: {type: number, default: 1, x-order: 2}\n"
            + "        tiled: {type: boolean, default: false, x-order: 3}\n"));

    Path out = generate();

    String input = read(out.resolve("com/acme/ThingInput.java"));
    assertThat(input)
        .contains(".choice(\"mode\", false, Mode.values(), Mode::wireValue, List.of(\"fast\", "
            + "\"best\"),")
        .contains(".integer(\"scale\", false, 2L, 4L, Builder::scale)")
        .as("each default typed as its wire value, right after its field")
        .containsSubsequence(".choice(\"mode\"", ".withDefault(\"mode\", \"best\")",
            ".integer(\"scale\"", ".withDefault(\"scale\", 4L)",
            ".number(\"strength\"", ".withDefault(\"strength\", 1.0)",
            ".bool(\"tiled\"", ".withDefault(\"tiled\", false)", ".done()")
        .contains("public Builder scale(long scale)")
        .contains("public Optional<Long> scale()")
        .contains("public enum Mode implements WireEnum")
        .contains("From 2 to 4. Default {@code 4}.")
        .as("x-order, not file order").containsSubsequence("\"mode\"", "\"scale\"");
    assertThat(read(out.resolve("com/acme/TeamModels.java")))
        .contains("public static final Model<ThingInput, FileOutput> THING =")
        .contains(".inputSpec(ThingInput.SPEC)")
        .doesNotContain("generic(");
  }

  @Test
  void enumsGivenAsCogGivesThemBecomeTypedChoices() throws IOException {
    // A version's openapi_schema: each enum is a schema of its own, the input an allOf of its $ref.
    write("acme.cog.yaml", schema("acme", "cog", "Cog",
        "        scheduler:\n"
            + "          allOf: [{$ref: '#/components/schemas/scheduler'}]\n"
            + "          default: K_EULER\n          description: scheduler\n          x-order: 0\n"
            + "        steps: {allOf: [{$ref: '#/components/schemas/steps'}], default: 4}\n")
        + "    scheduler: {title: scheduler, type: string, enum: [DDIM, K_EULER],"
        + " description: An enumeration.}\n"
        + "    steps: {title: steps, type: integer, enum: [1, 4, 8]}\n");

    String input = read(generate().resolve("com/acme/CogInput.java"));

    assertThat(input)
        .contains(".choice(\"scheduler\", false, Scheduler.values(), Scheduler::wireValue, "
            + "List.of(\"DDIM\",")
        .contains(".withDefault(\"scheduler\", \"K_EULER\")")
        .contains("public enum Scheduler implements WireEnum")
        .contains(".integerOneOf(\"steps\", false, List.of(1L, 4L, 8L), Builder::steps)")
        .contains(".withDefault(\"steps\", 4L)");
  }

  @Test
  void aDefaultTheSchemaDoesNotListIsRefusedNamingTheField() throws IOException {
    write("a.bad.yaml", schema("a", "bad", "Bad",
        "        mode: {type: string, enum: [fast, best], default: quick}\n"));

    assertThatThrownBy(this::generate)
        .hasStackTraceContaining("BadInput.mode: the default quick is not one of [fast, best]");
  }

  @Test
  void twoSchemasThatShareAnEnumMustListTheSameValues() throws IOException {
    write("a.one.yaml", schema("a", "one", "One",
        "        size: {type: string, enum: [s, m], x-java-type: Size}\n"));
    write("a.two.yaml", schema("a", "two", "Two",
        "        size: {type: string, enum: [s, m, l], x-java-type: Size}\n"));

    assertThatThrownBy(this::generate).hasStackTraceContaining("a.two.yaml size: Size lists "
        + "[s, m, l] but a.one.yaml size lists [s, m]");
  }

  @Test
  void aSchemaWithoutItsVersionIsRefusedNamingTheFile() throws IOException {
    write("a.bad.yaml", schema("a", "bad", "Bad", "        x: {type: string}\n")
        .replace("    version: \"" + "0".repeat(64) + "\"\n", ""));

    assertThatThrownBy(this::generate)
        .hasStackTraceContaining("a.bad.yaml info.x-model needs version");
  }

  private static String schema(String owner, String name, String javaName, String properties) {
    return "openapi: 3.0.3\ninfo:\n  title: Cog\n  version: 0.1.0\n  x-model:\n"
        + "    owner: " + owner + "\n    name: " + name + "\n"
        + "    version: \"" + "0".repeat(64) + "\"\n"
        + "    java-name: " + javaName + "\n    task: OTHER\n    output: SINGLE_FILE\n"
        + "    description: A model\npaths: {}\ncomponents:\n  schemas:\n    Input:\n"
        + "      type: object\n      properties:\n" + properties
        + "    Output: {type: string, format: uri}\n";
  }

  private Path generate() throws IOException {
    write("catalog.yaml", CATALOG);
    Path out = dir.resolve("out");
    CodegenConfigurator config = new CodegenConfigurator()
        .setGeneratorName("replicate4j-models")
        .setInputSpec(dir.resolve("catalog.yaml").toString())
        .setOutputDir(out.toString())
        .setModelPackage("com.acme")
        .addGlobalProperty("models", "")
        .addGlobalProperty("supportingFiles", "")
        .addAdditionalProperty("hideGenerationTimestamp", true);
    new DefaultGenerator().opts(config.toClientOptInput()).generate();
    return out.resolve("src/main/java");
  }

  private void write(String file, String text) throws IOException {
    Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
