package dev.replicate4j.stub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replicate4j.ReplicateClient;
import dev.replicate4j.models.GenericInput;
import dev.replicate4j.models.Models;
import dev.replicate4j.stub.junit.ReplicateStubExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A model registered at run time from its schema text or file alone, no generated code: unknown
 * to the relay before (422), served with the schema's rules after, over HTTP.
 */
class SchemaModelTest {
  private static final String VERSION = "9a0b".repeat(16);
  /** JSON, as Replicate serves a version's openapi_schema, with our info.x-model added. */
  private static final String SCHEMA = "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"Cog\","
      + "\"version\":\"0.1.0\",\"x-model\":{\"owner\":\"acme\",\"name\":\"colorizer\","
      + "\"version\":\"" + VERSION + "\"}},\"paths\":{},\"components\":{\"schemas\":{\"Input\":{"
      + "\"type\":\"object\",\"required\":[\"image\"],\"properties\":{"
      + "\"image\":{\"type\":\"string\",\"format\":\"uri\"},"
      + "\"strength\":{\"type\":\"number\",\"minimum\":0,\"maximum\":1},"
      + "\"palette\":{\"type\":\"string\",\"enum\":[\"warm\",\"cool\"]},"
      + "\"passes\":{\"type\":\"integer\",\"enum\":[1,2,4]},"
      + "\"denoise\":{\"type\":\"boolean\"}}}}}}";
  private static final Map<String, Object> INPUT = Map.of("image", StubHttp.IMAGE,
      "strength", 0.5, "palette", "warm", "passes", 2, "denoise", true);

  @Test
  void aVersionNotInTheTableIs422UntilItsSchemaIsRegistered() throws Exception {
    try (StubRelay stub = StubRelay.builder().build().start(); StubHttp http = new StubHttp(stub)) {
      StubHttp.Reply unknown = http.create(VERSION, INPUT);
      assertThat(unknown.code).isEqualTo(422);
      assertThat(unknown.body).contains("is not a version this relay serves");
    }
    try (StubRelay stub = StubRelay.builder().model(SCHEMA, StubOutput.SINGLE_PNG).build().start();
        StubHttp http = new StubHttp(stub)) {
      assertThat(http.create(VERSION, INPUT).code).isEqualTo(200);
      assertThat(http.create("acme/colorizer:" + VERSION, INPUT).json())
          .containsEntry("model", "acme/colorizer").containsEntry("version", VERSION);

      StubHttp.Reply broken = http.create(VERSION, Map.of("strength", 2, "palette", "hot",
          "passes", 3, "denoise", "yes"));
      assertThat(broken.code).isEqualTo(422);
      assertThat(((List<?>) broken.json().get("invalid_fields")).stream()
          .map(f -> String.valueOf(((Map<?, ?>) f).get("field")))).containsExactlyInAnyOrder("input.image",
              "input.strength", "input.palette", "input.passes", "input.denoise");
    }
  }

  @Test
  void aSchemaFileServesAModelTheSdkRunsWithAGenericInput() throws Exception {
    try (StubRelay stub = StubRelay.builder()
            .model(Path.of("src/test/models/acme.upscaler.yaml"), StubOutput.SINGLE_PNG)
            .build().start();
        ReplicateClient client = ReplicateStubExtension.clientBuilder(stub).build()) {
      String ref = "acme/upscaler:5c7d5dc6dd8bf75c1acaa8565735e7986bc5b66206b55cca93cb72c9bf15ccaa";
      Object output = client.run(Models.generic(ref),
          GenericInput.of(Map.of("image", StubHttp.IMAGE, "scale", 4)));

      assertThat((String) output).startsWith(stub.fileBaseUrl() + "/files/");
      assertThatThrownBy(() -> client.run(Models.generic(ref),
          GenericInput.of(Map.of("image", StubHttp.IMAGE, "scale", 8))))
          .hasMessageContaining("scale");
    }
  }

  @Test
  void enumsGivenAsCogGivesThemAreRead() throws Exception {
    // Cog publishes an enum input as allOf of a $ref to a schema of its own, beside its default.
    String cog = SCHEMA
        .replace("\"palette\":{\"type\":\"string\",\"enum\":[\"warm\",\"cool\"]}",
            "\"palette\":{\"allOf\":[{\"$ref\":\"#/components/schemas/palette\"}],"
                + "\"default\":\"warm\",\"x-order\":2}")
        .replace("\"passes\":{\"type\":\"integer\",\"enum\":[1,2,4]}",
            "\"passes\":{\"allOf\":[{\"$ref\":\"#/components/schemas/passes\"}]}")
        .replace("\"denoise\":{\"type\":\"boolean\"}}}",
            "\"denoise\":{\"type\":\"boolean\"}}},"
                + "\"palette\":{\"title\":\"palette\",\"description\":\"An enumeration.\","
                + "\"enum\":[\"warm\",\"cool\"],\"type\":\"string\"},"
                + "\"passes\":{\"title\":\"passes\",\"enum\":[1,2,4],\"type\":\"integer\"}");
    assertThat(cog).contains("#/components/schemas/palette", "#/components/schemas/passes");
    try (StubRelay stub = StubRelay.builder().model(cog, StubOutput.SINGLE_PNG).build().start();
        StubHttp http = new StubHttp(stub)) {
      assertThat(http.create(VERSION, INPUT).code).isEqualTo(200);

      StubHttp.Reply broken = http.create(VERSION, Map.of("image", StubHttp.IMAGE,
          "palette", "hot", "passes", 3));
      assertThat(broken.code).isEqualTo(422);
      assertThat(((List<?>) broken.json().get("invalid_fields")).stream()
          .map(f -> String.valueOf(((Map<?, ?>) f).get("field"))))
          .containsExactlyInAnyOrder("input.palette", "input.passes");
    }
  }

  @Test
  void aSchemaTheStubCannotReadIsRefusedSayingWhy() {
    assertThatThrownBy(() -> StubRelay.builder().model("openapi: 3.0.3", StubOutput.SINGLE_PNG))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("info");
    assertThatThrownBy(() -> StubRelay.builder().model(SCHEMA.replace("\"boolean\"",
        "\"object\""), StubOutput.SINGLE_PNG))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("denoise");
    assertThatThrownBy(() -> StubRelay.builder().model(SCHEMA, StubOutput.SINGLE_PNG)
        .model(SCHEMA, StubOutput.PNG_ARRAY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already served");
  }
}
