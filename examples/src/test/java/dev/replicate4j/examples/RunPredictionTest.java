package dev.replicate4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, run in-process against the embedded stub relay. */
class RunPredictionTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void runsOnePredictionAgainstTheEmbeddedStubAndSavesItsFiles(@TempDir Path dir) throws Exception {
    int exit = run("sdxl", "prompt=a lighthouse at dusk", "num_outputs=2", "--out", dir.toString());

    assertThat(exit).as(text(err)).isZero();
    assertThat(text(out)).contains("embedded stub relay", "status: succeeded", "Saved ");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).collect(Collectors.toList());
    }
    assertThat(files).hasSize(2);
    for (Path file : files) {
      byte[] png = Files.readAllBytes(file);
      assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }
  }

  @Test
  void aBadInputPrintsTheValidationMessageAndExitsWith2(@TempDir Path dir) {
    int exit = run("sdxl", "width=abc", "num_outputs=9", "--out", dir.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(text(err)).contains("stability-ai/sdxl: width = \"abc\": not an integer",
        "stability-ai/sdxl: num_outputs = 9");
  }

  @Test
  void anUnknownModelListsTheKnownOnesAndExitsWith2() {
    int exit = run("dalle", "prompt=x");

    assertThat(exit).isEqualTo(2);
    assertThat(text(err)).contains("Unknown model 'dalle'", "sdxl", "rembg");
  }

  @Test
  void malformedArgumentsShowTheUsage() {
    assertThat(run()).isEqualTo(2);
    assertThat(run("sdxl", "prompt")).isEqualTo(2);
    assertThat(text(err)).contains("usage: RunPrediction", "Inputs are key=value");
  }

  private int run(String... args) {
    return RunPrediction.run(args, null, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}
