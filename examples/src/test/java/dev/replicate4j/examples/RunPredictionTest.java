package dev.replicate4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example, run in-process against the embedded stub relay. */
class RunPredictionTest {
  @Test
  void runsOnePredictionAgainstTheEmbeddedStubAndSavesItsImages(@TempDir Path dir) throws Exception {
    List<Path> files = RunPrediction.run("a lighthouse at dusk", null, dir);

    assertThat(files).hasSize(2);
    for (Path file : files) {
      assertThat(file).startsWith(dir);
      assertThat(Files.readAllBytes(file)).startsWith(0x89, 'P', 'N', 'G');
    }
  }
}
