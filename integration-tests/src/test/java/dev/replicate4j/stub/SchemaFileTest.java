package dev.replicate4j.stub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replicate4j.models.ModelCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A schema read at run time judges inputs exactly as the table built from the generated inputs
 * of the same schema file: same fields, same required ones, same rules and words.
 */
class SchemaFileTest {
  private static final List<Object> PROBES = List.of("x", "", "https://example.com/a.png",
      "data:image/png;base64,AA==", 0L, 1L, 7L, 1_000_000L, -5L, 0.5, 2.0, 1e9, true,
      "K_EULER", "16:9", "webp", "person,car", "person, car");

  static Stream<Path> schemaFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("..", "openapi", "models"))) {
      return files.filter(f -> !f.endsWith("catalog.yaml")).sorted()
          .collect(Collectors.toList()).stream();
    }
  }

  @ParameterizedTest
  @MethodSource("schemaFiles")
  void aSchemaReadAtRunTimeJudgesAsTheGeneratedTable(Path file) throws IOException {
    ModelSpec read = SchemaFile.read(Files.readString(file), StubOutput.SINGLE_PNG).build();
    ModelSpec generated = ModelTable.standard().resolve(read.version);

    assertThat(read.model).isEqualTo(generated.model);
    assertThat(words(read.check(Map.of()))).isEqualTo(words(generated.check(Map.of())));
    assertThat(words(read.check(Map.of("zzz", 1)))).isEqualTo(words(generated.check(
        Map.of("zzz", 1))));
    List<String> fields = ModelCatalog.standard().get(read.version).inputSpec().orElseThrow()
        .fieldNames();
    assertThat(fields).isNotEmpty();
    for (String field : fields) {
      for (Object probe : PROBES) {
        Map<String, Object> input = Map.of(field, probe);
        assertThat(words(read.check(input))).as("%s = %s", field, probe)
            .isEqualTo(words(generated.check(input)));
      }
    }
  }

  private static List<String> words(List<ModelSpec.InvalidField> invalid) {
    return invalid.stream().map(f -> f.field + ": " + f.description).collect(Collectors.toList());
  }
}
