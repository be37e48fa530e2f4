package dev.replicate4j.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalog's versions are exactly the ones the corrected spec lists as supported. */
class SupportedVersionsSpecTest {
  private static final String SPEC = "dev/replicate4j/openapi/chainhub-replicate-predictions.yaml";

  @Test
  void catalogVersionsAreExactlyTheSpecsSupportedVersions() throws IOException {
    Map<String, String> supported = supportedVersions();

    Map<String, String> catalog = new LinkedHashMap<>();
    for (Model<?, ?> model : ModelCatalog.standard()) {
      catalog.put(model.versionId().orElseThrow(), model.owner().orElseThrow() + "/" + model.name().orElseThrow());
    }
    // No fixed count: a version the relay adds is one schema file and one overlay line, and the
    // message below names whichever of the two is missing.
    assertThat(supported).isNotEmpty();
    assertThat(catalog)
        .as("the catalog (a schema file per version under openapi/models/) against the spec's"
            + " x-supported-versions (the overlay)")
        .containsExactlyInAnyOrderEntriesOf(supported);
  }

  private static Map<String, String> supportedVersions() throws IOException {
    String yaml;
    try (InputStream in = Thread.currentThread().getContextClassLoader()
        .getResourceAsStream(SPEC)) {
      assertThat(in).as("spec on the test classpath").isNotNull();
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, null);
    assertThat(result.getMessages()).as("spec parses cleanly").isEmpty();
    OpenAPI api = result.getOpenAPI();
    Object versions = api.getPaths().get("/replicate/v1/predictions").getPost().getExtensions()
        .get("x-supported-versions");
    assertThat(versions).isInstanceOf(Map.class);
    Map<String, String> supported = new LinkedHashMap<>();
    ((Map<?, ?>) versions).forEach((k, v) -> supported.put(String.valueOf(k), String.valueOf(v)));
    return supported;
  }
}
