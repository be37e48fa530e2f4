package dev.replicate4j.consumers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replicate4j.ReplicateClient;
import dev.replicate4j.stub.StubRelay;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The public API of each published module is recorded in {@code <module>/api/current.txt}; a change
 * to it fails the build until the record is updated on purpose, so downstream teams never meet an
 * accidental break. To accept a change: {@code mvn -B verify -pl consumer-tests -am
 * -Dreplicate4j.api.accept}, then review and commit the record's diff. {@code client-generated} has
 * none to record: its module exports the wire code to {@code dev.replicate4j} only, so that a change of
 * the spec regenerates it without an API review.
 */
class PublicApiTest {
  static final String ACCEPT = "replicate4j.api.accept";

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "client-ext, dev.replicate4j.ReplicateClient",
      "integration-tests, dev.replicate4j.stub.StubRelay",
  })
  void thePublicApiMatchesItsRecord(String module, String anchor) throws Exception {
    List<String> actual = PublicApi.of(Class.forName(anchor));
    Path record = Path.of("..", module, "api", "current.txt");
    if (System.getProperty(ACCEPT) != null) {
      Files.createDirectories(record.getParent());
      Files.write(record, actual, StandardCharsets.UTF_8);
      return;
    }
    List<String> recorded = Files.exists(record)
        ? Files.readAllLines(record, StandardCharsets.UTF_8) : List.of();
    assertThat(changes(recorded, actual))
        .as("The public API of %s differs from %s/api/current.txt (+ added, - removed)."
            + " If the change is on purpose, run: mvn -B verify -pl consumer-tests -am -D%s"
            + " and commit the updated record", module, module, ACCEPT)
        .isEmpty();
  }

  static List<String> changes(List<String> recorded, List<String> actual) {
    Set<String> before = new TreeSet<>(recorded);
    Set<String> after = new TreeSet<>(actual);
    List<String> changes = new ArrayList<>();
    for (String line : before) {
      if (!after.contains(line)) {
        changes.add("- " + line);
      }
    }
    for (String line : after) {
      if (!before.contains(line)) {
        changes.add("+ " + line);
      }
    }
    return changes;
  }

  @org.junit.jupiter.api.Test
  void aChangedSignatureIsReportedAsOneRemovalAndOneAddition() throws IOException {
    List<String> recorded = List.of("public final class A", "public final class A | public void run(int)");
    List<String> actual = List.of("public final class A", "public final class A | public void run(long)");
    assertThat(changes(recorded, actual)).containsExactly(
        "- public final class A | public void run(int)", "+ public final class A | public void run(long)");
    assertThat(PublicApi.of(ReplicateClient.class)).contains(
        "public class dev.replicate4j.ReplicateException extends java.lang.RuntimeException");
    assertThat(PublicApi.of(StubRelay.class)).noneMatch(line -> line.contains("dev.replicate4j.ReplicateClient"
        + " |"));
  }
}
