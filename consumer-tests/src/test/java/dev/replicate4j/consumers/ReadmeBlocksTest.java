package dev.replicate4j.consumers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java block of the README stands, line for line, in a source file of a consumer project
 * (src/it), where the invoker builds compile it against the published artifacts. A README edit that
 * is not made there too fails here, naming the block.
 */
class ReadmeBlocksTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path CONSUMERS = Path.of("src", "it");
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);

  @Test
  void everyJavaBlockOfTheReadmeIsCompiledInAConsumerProject() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    List<String> sources = consumerSources();
    List<String> missing = new ArrayList<>();
    Matcher block = JAVA_BLOCK.matcher(readme);
    int blocks = 0;
    while (block.find()) {
      blocks++;
      String wanted = normalized(block.group(1));
      if (sources.stream().noneMatch(source -> source.contains(wanted))) {
        int line = readme.substring(0, block.start()).split("\n", -1).length;
        missing.add("README.md line " + line + ": " + block.group(1).lines().findFirst().orElse(""));
      }
    }
    assertThat(blocks).as("Java blocks in the README").isGreaterThan(3);
    assertThat(missing)
        .as("README Java blocks not found verbatim in any consumer project under src/it"
            + " (copy the block there, or the edit back)")
        .isEmpty();
  }

  @Test
  void normalizingIgnoresIndentationAndBlankLinesOnly() {
    assertThat(normalized("  a(1);\n\n    b();\n")).isEqualTo("a(1);\nb();\n");
    assertThat(normalized("a(1);\nb();\n")).isNotEqualTo(normalized("a(2);\nb();\n"));
  }

  private static List<String> consumerSources() throws IOException {
    try (Stream<Path> files = Files.walk(CONSUMERS)) {
      return files.filter(file -> file.toString().endsWith(".java"))
          .map(ReadmeBlocksTest::read)
          .map(ReadmeBlocksTest::normalized)
          .collect(Collectors.toList());
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Each line stripped of its indentation, blank lines dropped. */
  static String normalized(String text) {
    return text.lines().map(String::strip).filter(line -> !line.isEmpty())
        .map(line -> line + "\n").collect(Collectors.joining());
  }
}
