package dev.replicate4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.squareup.moshi.Moshi;
import dev.replicate4j.ReplicateClient;
import dev.replicate4j.stub.Fault;
import dev.replicate4j.stub.Outcome;
import dev.replicate4j.stub.RecordedCall;
import dev.replicate4j.stub.RequestKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The tool run in-process (picocli's execute with captured streams) against a stub relay. */
class CliTest extends StubbedCliTest {
  @BeforeEach
  void clearFaults() {
    stub.clearFaults();
  }

  @Test
  void runSavesTheOutputFilesAndPrintsWhereWithProgressOnStderr() throws IOException {
    Result r = remote("run", "sdxl", "prompt=a lighthouse at dusk", "num_outputs=2",
        "--output-dir", dir.toString());

    assertThat(r.exit).as(r.err).isZero();
    assertThat(pngs(dir)).hasSize(2);
    assertThat(r.out).contains("Saved " + dir.toAbsolutePath());
    assertThat(r.err).contains("created; waiting", "status: starting", "status: succeeded")
        .doesNotContain("embedded stub");
  }

  @Test
  void withoutAKeyItRunsAgainstTheEmbeddedStubAndSaysSoOnStderr() throws IOException {
    Result r = cli(Map.of(), "run", "sdxl", "prompt=x", "-o", dir.toString());

    assertThat(r.exit).as(r.err).isZero();
    assertThat(r.err).contains("No CHAINHUB_API_KEY set: running against the embedded stub relay");
    assertThat(pngs(dir)).hasSize(1);
  }

  @Test
  void aTimeoutOnTheEmbeddedStubDoesNotOfferAResumeThatCannotWork() {
    // The embedded stub ends with the command: a later `wait ID` would start another and get 404.
    Result r = cli(Map.of(), "run", "sdxl", "prompt=x", "--timeout", "300ms");

    assertThat(r.exit).as(r.err).isEqualTo(ExitCodes.TIMEOUT);
    assertThat(r.err).contains("still running", "cannot be resumed", "replicate4j stub")
        .doesNotContain("Resume with");
  }

  @Test
  void noWaitOnTheEmbeddedStubPrintsTheIdAndSaysItCannotBeResumed() {
    Result r = cli(Map.of(), "run", "sdxl", "prompt=x", "--no-wait");

    assertThat(r.exit).as(r.err).isZero();
    assertThat(r.out.strip()).matches("[A-Za-z0-9._~-]+");
    assertThat(r.err).contains("Prediction " + r.out.strip() + " created", "cannot be resumed");
  }

  @Test
  void runJsonPrintsOnlyThePredictionAsJsonOnStdout() throws IOException {
    Result r = remote("run", "sdxl", "prompt=x", "--json", "-o", dir.toString());

    assertThat(r.exit).as(r.err).isZero();
    Map<String, Object> json = parse(r.out);
    assertThat(json.get("status")).isEqualTo("succeeded");
    assertThat(list(json.get("output"))).hasSize(1);
    assertThat(stub.status((String) json.get("id"))).isEqualTo("succeeded");
    assertThat(r.err).contains("Saved ");
  }

  @Test
  void noWaitPrintsTheIdAndLeavesThePredictionRunning() {
    Result r = remote("run", SLOW_MODEL, "image=https://example.com/cat.png", "--no-wait");

    assertThat(r.exit).as(r.err).isZero();
    assertThat(r.err).doesNotContain("cannot be resumed");
    String id = r.out.strip();
    assertThat(stub.status(id)).isIn("starting", "processing");
    stub.setStatus(id, "canceled");
  }

  @Test
  void webhookGoesWithTheCreate() {
    Result r = remote("run", "sdxl", "prompt=x", "--no-wait", "--webhook",
        "https://hooks.example.com/replicate");

    assertThat(r.exit).as(r.err).isZero();
    List<RecordedCall> creates = stub.journal().creates();
    assertThat(map(parseAny(creates.get(creates.size() - 1).body())).get("webhook"))
        .isEqualTo("https://hooks.example.com/replicate");
  }

  @Test
  void onATerminalProgressIsABarRedrawnInPlace() {
    StringWriter err = new StringWriter();
    CommandLine line = Main.commandLine(remoteEnv(), true);
    line.setOut(new PrintWriter(new StringWriter(), true));
    line.setErr(new PrintWriter(err, true));

    assertThat(line.execute("run", "sdxl", "prompt=x", "-o", dir.toString())).isZero();
    assertThat(err.toString()).contains("\r  [").contains("] 100%");
    String plain = remote("run", "sdxl", "prompt=x", "-o", dir.toString()).err;
    assertThat(plain).doesNotContain("\r").contains("progress: 100%");
    assertThat(plain.indexOf("progress: 100%")).as("the end is printed after the last progress")
        .isLessThan(plain.indexOf("status: succeeded"));
  }

  @Test
  void aBadInputListsEveryViolationAndSendsNothing() {
    int before = stub.predictionsCreated();
    Result r = remote("run", "sdxl", "width=abc", "num_outputs=9", "colour=red");

    assertThat(r.exit).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err).contains("3 invalid inputs", "width = \"abc\": not an integer",
        "num_outputs = 9: must be between 1 and 4", "colour = \"red\": unknown input");
    assertThat(stub.predictionsCreated()).isEqualTo(before);
  }

  @Test
  void malformedArgumentsAreUsageErrorsWithAPointerToHelp() {
    Result r = remote("run", "sdxl", "prompt", "seed=1", "seed=2");

    assertThat(r.exit).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err).contains("Inputs are key=value; got 'prompt'", "Input 'seed' is given twice",
        "Try 'replicate4j run --help'");
    assertThat(remote("run").exit).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(remote("run", "sdxl", "--timeout", "soon").exit).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(remote("frobnicate").exit).isEqualTo(ExitCodes.BAD_INPUT);
  }

  @Test
  void anUnknownModelListsTheKnownOnes() {
    Result r = remote("run", "dalle", "prompt=x");

    assertThat(r.exit).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err).contains("Unknown model 'dalle'", "stability-ai/sdxl");
  }

  @Test
  void aTextValueCanComeFromAFile() throws IOException {
    Path prompt = Files.writeString(dir.resolve("prompt.txt"), "a lighthouse, from a file\n");
    Result r = remote("run", "sdxl", "prompt=@" + prompt, "--json", "-o", dir.toString());

    assertThat(r.exit).as(r.err).isZero();
    assertThat(map(parse(r.out).get("input")).get("prompt"))
        .isEqualTo("a lighthouse, from a file");
  }

  @Test
  void aFailedPredictionExitsWith1AndShowsTheError() {
    stub.nextOutcome(Outcome.failed("CUDA out of memory"));
    Result r = remote("run", "sdxl", "prompt=x", "-o", dir.toString());

    assertThat(r.exit).isEqualTo(ExitCodes.PREDICTION_FAILED);
    assertThat(r.err).contains("CUDA out of memory");
  }

  @Test
  void serverAndAuthenticationErrorsExitWith3WithoutShowingTheKey() {
    stub.failNext(RequestKind.CREATE, Fault.status(500));
    Result server = remote("run", "sdxl", "prompt=x");
    assertThat(server.exit).as(server.err).isEqualTo(ExitCodes.SERVICE);

    String secret = "r8_very-secret-key-123";
    Result auth = cli(Map.of(), "get", "abc", "--base-url", stub.baseUrl(), "--api-key", secret);
    assertThat(auth.exit).isEqualTo(ExitCodes.SERVICE);
    assertThat(auth.err).isNotBlank();
    assertThat(auth.out + auth.err).doesNotContain(secret);
  }

  @Test
  void aTimeoutExitsWith4AndLeavesThePredictionRunning() {
    Result r = remote("run", SLOW_MODEL, "image=https://example.com/cat.png", "--timeout", "300ms");

    assertThat(r.exit).isEqualTo(ExitCodes.TIMEOUT);
    assertThat(r.err).contains("still running", "replicate4j wait ");
    String id = r.err.replaceAll("(?s).*replicate4j wait (\\S+).*", "$1");
    assertThat(stub.status(id)).isEqualTo("processing");
    stub.setStatus(id, "canceled");
  }

  @Test
  void anInterruptStopsTheWaitWithoutCancelling() throws Exception {
    Interrupted r = interruptWhileWaiting();

    assertThat(r.result.exit).isEqualTo(ExitCodes.INTERRUPTED);
    assertThat(r.result.err).contains("stopped waiting", "keeps running");
    assertThat(stub.status(r.id)).isIn("starting", "processing");
    stub.setStatus(r.id, "canceled");
  }

  @Test
  void anInterruptCancelsWhenAsked() throws Exception {
    Interrupted r = interruptWhileWaiting("--cancel-on-interrupt");

    assertThat(r.result.exit).isEqualTo(ExitCodes.INTERRUPTED);
    assertThat(r.result.err).contains("canceled prediction " + r.id);
    assertThat(stub.status(r.id)).isEqualTo("canceled");
  }

  @Test
  void getCancelAndWaitFollowAPredictionById() throws IOException {
    String slow = remote("run", SLOW_MODEL, "image=https://example.com/cat.png", "--no-wait").out.strip();
    Result got = remote("get", slow, "--json");
    assertThat(got.exit).isZero();
    assertThat(parse(got.out).get("id")).isEqualTo(slow);
    assertThat(remote("get", slow).out).contains("id:      " + slow, "status:  ");

    Result canceled = remote("cancel", slow);
    assertThat(canceled.exit).as(canceled.err).isZero();
    assertThat(stub.status(slow)).isEqualTo("canceled");
    Result waitCanceled = remote("wait", slow);
    assertThat(waitCanceled.exit).isEqualTo(ExitCodes.PREDICTION_FAILED);
    assertThat(waitCanceled.err).contains("canceled");

    String fast = remote("run", "sdxl", "prompt=x", "num_outputs=2", "--no-wait").out.strip();
    Result waited = remote("wait", fast, "-o", dir.toString());
    assertThat(waited.exit).as(waited.err).isZero();
    assertThat(pngs(dir)).hasSize(2);

    assertThat(remote("get", "no-such-id").exit).isEqualTo(ExitCodes.SERVICE);
  }

  @Test
  void modelsListsTheCatalogAsATableOrJson() {
    Result table = cli(Map.of(), "models");
    assertThat(table.exit).isZero();
    assertThat(table.out).contains("NAME", "sdxl", "stability-ai/sdxl", "rembg");

    Result json = cli(Map.of(), "models", "--json");
    List<Object> models = list(parseAny(json.out));
    assertThat(models).hasSize(10);
    assertThat(map(models.get(0)).keySet()).contains("name", "model", "version", "task");
  }

  @Test
  void modelsDescribesEachInputWithTypeDefaultRulesChoicesAndRequired() {
    Result json = cli(Map.of(), "models", "sdxl", "--json");
    assertThat(json.exit).as(json.err).isZero();
    Map<String, Map<String, Object>> inputs = inputsByName(json.out);
    assertThat(inputs.get("num_outputs")).containsEntry("type", "integer")
        .containsEntry("rules", "must be between 1 and 4").containsEntry("default", 1.0);
    assertThat(inputs.get("guidance_scale")).containsEntry("default", 7.5);
    assertThat(inputs.get("scheduler")).containsEntry("default", "K_EULER");
    assertThat(inputs.get("apply_watermark")).containsEntry("default", true);
    assertThat(inputs.get("image")).containsEntry("type", "image").containsEntry("default", null);
    assertThat(list(inputs.get("scheduler").get("choices"))).contains("K_EULER", "DDIM");

    Map<String, Map<String, Object>> rembg = inputsByName(cli(Map.of(), "models", "rembg",
        "--json").out);
    assertThat(rembg.get("image")).containsEntry("required", true);

    Result table = cli(Map.of(), "models", "sdxl");
    assertThat(table.out).contains("INPUT", "DEFAULT", "num_outputs", "must be between 1 and 4");
    assertThat(table.out.lines().filter(l -> l.startsWith("num_outputs ")))
        .singleElement().asString()
        .matches("num_outputs\\s+integer\\s+1\\s+must be between 1 and 4");
    assertThat(table.out.lines().filter(l -> l.startsWith("negative_prompt ")))
        .singleElement().asString().contains("\"\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "get", "cancel", "wait", "models", "stub"})
  void everyCommandHasHelpAndVersion(String command) {
    Result help = cli(Map.of(), command, "--help");
    assertThat(help.exit).isZero();
    assertThat(help.out).contains("Usage: replicate4j " + command, "Exit codes:");

    Result version = cli(Map.of(), command, "--version");
    assertThat(version.exit).isZero();
    assertThat(version.out).startsWith("replicate4j ").doesNotContain("${");
  }

  @Test
  void theTopLevelHasHelpAndACompletionScript() {
    assertThat(cli(Map.of(), "--help").out).contains("run", "get", "cancel", "wait", "models",
        "stub", "generate-completion");
    Result completion = cli(Map.of(), "generate-completion");
    assertThat(completion.exit).isZero();
    assertThat(completion.out).contains("complete -F", "replicate4j");
  }

  @Test
  void stubServesUntilInterrupted() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine line = Main.commandLine(Map.of(), false);
    line.setOut(new PrintWriter(out, true));
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    Thread thread = new Thread(() -> exit.complete(line.execute("stub", "--api-key", "k-1")));
    thread.start();
    String baseUrl = awaitFirstLine(out);
    assertThat(baseUrl).startsWith("http://127.0.0.1:");

    Map<String, String> env = Map.of(ReplicateClient.API_KEY_ENV, "k-1",
        ReplicateClient.BASE_URL_ENV, baseUrl);
    assertThat(cli(env, "run", "sdxl", "prompt=x", "--no-wait").exit).isZero();
    thread.interrupt();
    assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
  }

  private Interrupted interruptWhileWaiting(String... extra) throws Exception {
    int before = stub.predictionsCreated();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line = Main.commandLine(remoteEnv(), false);
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    String[] args = Stream.concat(Stream.of("run", SLOW_MODEL, "image=https://example.com/cat.png"),
        Stream.of(extra)).toArray(String[]::new);
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    Thread thread = new Thread(() -> exit.complete(line.execute(args)));
    thread.start();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
        .until(() -> err.toString().contains("created; waiting"));
    assertThat(stub.predictionsCreated()).isEqualTo(before + 1);
    thread.interrupt();
    int code = exit.get(30, TimeUnit.SECONDS);
    String id = err.toString().replaceAll("(?s).*Prediction (\\S+) of .*", "$1");
    return new Interrupted(new Result(code, out.toString(), err.toString()), id);
  }

  private static String awaitFirstLine(StringWriter out) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
        .until(() -> out.toString().contains("\n"));
    return out.toString().lines().findFirst().orElse("");
  }

  private static Result remote(String... args) {
    return cli(remoteEnv(), args);
  }

  static Result cli(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line = Main.commandLine(env, false);
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    int exit = line.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  static Map<String, Object> parse(String json) {
    return map(parseAny(json));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object json) {
    return (Map<String, Object>) json;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object json) {
    return (List<Object>) json;
  }

  private static Map<String, Map<String, Object>> inputsByName(String json) {
    return list(parse(json).get("inputs")).stream().map(CliTest::map)
        .collect(Collectors.toMap(i -> (String) i.get("name"), i -> i));
  }

  static Object parseAny(String json) {
    try {
      return new Moshi.Builder().build().adapter(Object.class).fromJson(json);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  static List<Path> pngs(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      List<Path> files = walk.filter(p -> p.toString().endsWith(".png"))
          .collect(Collectors.toList());
      for (Path file : files) {
        assertThat(Files.readAllBytes(file)).startsWith(0x89, 'P', 'N', 'G');
      }
      return files;
    }
  }

  record Result(int exit, String out, String err) {}

  private record Interrupted(Result result, String id) {}
}
