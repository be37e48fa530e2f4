package dev.replicate4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.replicate4j.ReplicateClient;
import dev.replicate4j.stub.Outcome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar run as a separate process, as the launcher runs it: real exit codes, real
 * streams, a real SIGINT. Runs in the integration-test phase, after the jar is packaged.
 */
class CliProcessIT extends StubbedCliTest {
  private static final long TIMEOUT_SECONDS = 60;

  @Test
  void helpAndVersionNeedNoServer() throws Exception {
    Done help = run(Map.of(), "run", "--help");
    assertThat(help.exit).isZero();
    assertThat(help.out).contains("Usage: replicate4j run", "Exit codes:");
    Done version = run(Map.of(), "--version");
    assertThat(version.exit).isZero();
    assertThat(version.out).startsWith("replicate4j 0.");
  }

  @Test
  void runSavesFilesAndPrintsJsonThatParsesBack() throws Exception {
    Done done = run(remoteEnv(), "run", "sdxl", "prompt=a lighthouse", "num_outputs=2", "--json",
        "-o", dir.toString());

    assertThat(done.exit).as(done.err).isZero();
    assertThat(CliTest.parse(done.out).get("status")).isEqualTo("succeeded");
    assertThat(CliTest.pngs(dir)).hasSize(2);
    assertThat(done.err).doesNotContain("SLF4J", "Thanks for using OpenAPI Generator", "[INFO]");
  }

  @Test
  void withoutAKeyTheEmbeddedStubAnswers() throws Exception {
    Done done = run(Map.of(), "run", "sdxl", "prompt=x", "-o", dir.toString());

    assertThat(done.exit).as(done.err).isZero();
    assertThat(done.err).contains("running against the embedded stub relay");
    assertThat(CliTest.pngs(dir)).hasSize(1);
  }

  @Test
  void exitCodesForBadInputFailureAndTimeout() throws Exception {
    Done bad = run(remoteEnv(), "run", "sdxl", "width=abc", "num_outputs=9");
    assertThat(bad.exit).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(bad.err).contains("width = \"abc\"", "num_outputs = 9");

    stub.nextOutcome(Outcome.failed("boom"));
    Done failed = run(remoteEnv(), "run", "sdxl", "prompt=x", "-o", dir.toString());
    assertThat(failed.exit).isEqualTo(ExitCodes.PREDICTION_FAILED);
    assertThat(failed.err).contains("boom");

    Done timeout = run(remoteEnv(), "run", SLOW_MODEL, "image=https://example.com/a.png",
        "--timeout", "300ms");
    assertThat(timeout.exit).isEqualTo(ExitCodes.TIMEOUT);

    Done unauthorized = run(Map.of(ReplicateClient.API_KEY_ENV, "wrong-key-456",
        ReplicateClient.BASE_URL_ENV, stub.baseUrl()), "get", "x");
    assertThat(unauthorized.exit).isEqualTo(ExitCodes.SERVICE);
    assertThat(unauthorized.out + unauthorized.err).doesNotContain("wrong-key-456");
  }

  @Test
  void ctrlCStopsTheWaitWithoutCancelling() throws Exception {
    Interrupted r = interrupt();
    assertThat(r.exit).isEqualTo(ExitCodes.INTERRUPTED);
    assertThat(r.err).contains("keeps running");
    assertThat(stub.status(r.id)).isIn("starting", "processing");
    stub.setStatus(r.id, "canceled");
  }

  @Test
  void ctrlCCancelsWhenAsked() throws Exception {
    Interrupted r = interrupt("--cancel-on-interrupt");
    assertThat(r.exit).isEqualTo(ExitCodes.INTERRUPTED);
    assertThat(stub.status(r.id)).isEqualTo("canceled");
  }

  @Test
  void theStubCommandServesOtherClients() throws Exception {
    Process server = start(Map.of(), "stub", "--api-key", "other-key");
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
      String baseUrl = lines.readLine();
      assertThat(baseUrl).startsWith("http://127.0.0.1:");
      Done done = run(Map.of(ReplicateClient.API_KEY_ENV, "other-key",
          ReplicateClient.BASE_URL_ENV, baseUrl), "run", "sdxl", "prompt=x", "--no-wait");
      assertThat(done.exit).as(done.err).isZero();
      Done got = run(Map.of(), "get", done.out.strip(), "--base-url", baseUrl, "--api-key",
          "other-key", "--json");
      assertThat(CliTest.parse(got.out).get("id")).isEqualTo(done.out.strip());
    } finally {
      server.destroy();
      server.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
  }

  private Interrupted interrupt(String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("run", SLOW_MODEL, "image=https://example.com/a.png"));
    args.addAll(List.of(extra));
    Path err = dir.resolve("err.txt");
    Process process = command(remoteEnv(), args.toArray(String[]::new))
        .redirectError(err.toFile()).redirectOutput(dir.resolve("out.txt").toFile()).start();
    await().atMost(Duration.ofSeconds(TIMEOUT_SECONDS)).pollInterval(Duration.ofMillis(50))
        .until(() -> Files.readString(err).contains("created; waiting"));
    new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
    assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    String text = Files.readString(err);
    return new Interrupted(process.exitValue(), text,
        text.replaceAll("(?s).*Prediction (\\S+) of .*", "$1"));
  }

  private Done run(Map<String, String> env, String... args) throws Exception {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process process = command(env, args).redirectOutput(out.toFile()).redirectError(err.toFile())
        .start();
    assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("finished").isTrue();
    return new Done(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private Process start(Map<String, String> env, String... args) throws IOException {
    return command(env, args).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  /** java -jar the shaded jar, in the test's folder, with only the given CHAINHUB_ variables. */
  private ProcessBuilder command(Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-jar", System.getProperty("cli.jar")));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().remove(ReplicateClient.API_KEY_ENV);
    builder.environment().remove(ReplicateClient.BASE_URL_ENV);
    builder.environment().putAll(env);
    return builder;
  }

  private record Done(int exit, String out, String err) {}

  private record Interrupted(int exit, String err, String id) {}
}
