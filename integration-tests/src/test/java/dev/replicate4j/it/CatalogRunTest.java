package dev.replicate4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replicate4j.ReplicateClient;
import dev.replicate4j.models.FileOutput;
import dev.replicate4j.models.ImageInput;
import dev.replicate4j.models.ModelCatalog;
import dev.replicate4j.models.Models;
import dev.replicate4j.models.RembgInput;
import dev.replicate4j.stub.RecordedCall;
import dev.replicate4j.stub.StubRelay;
import dev.replicate4j.stub.junit.ReplicateStubExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The happy path of every catalog model over HTTP: a typed run, the typed output of the model's
 * shape, and every output file downloaded, of the right type and fetched without the API key.
 */
@ExtendWith(ReplicateStubExtension.class)
class CatalogRunTest {

  static Stream<CatalogCase<?, ?>> cases() {
    return CatalogCase.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void runsTheModelAndDownloadsEveryOutputFile(CatalogCase<?, ?> c, ReplicateClient client,
      StubRelay stub, @TempDir Path dir) throws IOException {
    List<FileOutput> files = c.run(client);

    assertThat(files).hasSameSizeAs(c.expected());
    List<Magic> types = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      FileOutput file = files.get(i);
      assertThat(file.uri()).startsWith(stub.fileBaseUrl() + "/files/");
      Path saved = file.downloadTo(dir.resolve("out-" + i));
      types.add(Magic.of(Files.readAllBytes(saved)));
    }
    assertThat(types).as("file types, in output order").isEqualTo(c.expected());

    RecordedCall create = stub.journal().creates().get(0);
    assertThat(create.body()).contains(c.model().versionId().orElseThrow());
    assertThat(stub.journal().files()).hasSameSizeAs(files);
    JournalChecks.assertFilesFetchedWithoutToken(stub);
    JournalChecks.assertNoPredictionCreatedTwice(stub);
  }

  @Test
  void theCasesCoverTheWholeCatalog() {
    assertThat(cases().map(c -> (Object) c.model()))
        .containsExactlyInAnyOrderElementsOf(ModelCatalog.standard().models());
  }

  @Test
  void backgroundRemovalGivesATransparentPng(ReplicateClient client) throws IOException {
    FileOutput cutout = client.run(Models.REMBG,
        RembgInput.builder().image(ImageInput.bytes(CatalogCase.tinyPng(), "image/png")).build());

    try (var in = cutout.openStream()) {
      assertThat(Magic.isRgbaPng(in.readAllBytes())).isTrue();
    }
  }
}
