package dev.replicate4j.examples;

import dev.replicate4j.PredictionException;
import dev.replicate4j.PredictionHandle;
import dev.replicate4j.ReplicateClient;
import dev.replicate4j.ReplicateException;
import dev.replicate4j.models.Model;
import dev.replicate4j.models.ModelInput;
import dev.replicate4j.stub.Schedule;
import dev.replicate4j.stub.StubRelay;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The main job: runs one prediction end to end and saves its output files.
 *
 * <pre>
 * RunPrediction &lt;model&gt; [key=value ...] [--out DIR]
 * </pre>
 *
 * <p>With {@code CHAINHUB_API_KEY} set it talks to the real relay (or {@code CHAINHUB_BASE_URL});
 * without it, to a stub relay started in this process, so it works with no key and no network.
 * Exit codes: 0 done, 1 the prediction or a request failed, 2 bad model, input or arguments.
 */
public final class RunPrediction {
  private RunPrediction() {}

  /**
   * Runs the job and exits with its status.
   *
   * @param args the model, then {@code key=value} inputs, optionally {@code --out DIR}
   */
  public static void main(String[] args) {
    System.exit(run(args, System.getenv("CHAINHUB_API_KEY"), System.out, System.err));
  }

  static int run(String[] args, String apiKey, PrintStream out, PrintStream err) {
    CommandLine command;
    try {
      command = CommandLine.parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(CommandLine.USAGE);
      return 2;
    }
    Model<?, ?> model;
    ModelInput input;
    try {
      model = command.model();
      input = model.parseInput(command.inputs());
    } catch (ReplicateException e) {
      err.println(e.getMessage());
      return 2;
    }
    boolean useStub = apiKey == null || apiKey.isBlank();
    try (StubRelay stub = useStub ? demoStub() : null;
        ReplicateClient client = useStub
            ? ReplicateClient.builder().baseUrl(stub.baseUrl()).apiKey(stub.apiKey()).build()
            : ReplicateClient.fromEnv()) {
      out.println(useStub
          ? "No CHAINHUB_API_KEY set: running against the embedded stub relay at " + stub.baseUrl()
          : "Running against " + client.baseUrl());
      return runOne(client, model, input, command.outputDir(), out, err);
    }
  }

  private static <I extends ModelInput, O> int runOne(ReplicateClient client, Model<I, O> model,
      ModelInput rawInput, Path outputDir, PrintStream out, PrintStream err) {
    I input = model.inputType().cast(rawInput);
    out.println("Model " + model.ref() + " (" + model.description() + ")");
    try {
      PredictionHandle<O> handle = client.create(model, input);
      out.println("Prediction " + handle.id() + " created; waiting (Ctrl-C stops waiting)");
      ConsoleProgress progress = new ConsoleProgress(out);
      progress.onStatusChange(handle.latest(), null);
      handle.addListener(progress);
      O output;
      try {
        output = handle.output();
      } finally {
        progress.finish();
      }
      List<Path> saved = OutputFiles.save(output, outputDir.resolve(handle.id()));
      if (saved.isEmpty()) {
        out.println("Output: " + output);
      }
      for (Path path : saved) {
        out.println("Saved " + path.toAbsolutePath());
      }
      return 0;
    } catch (PredictionException e) {
      err.println(e.getMessage());
      String logs = e.prediction().logs();
      if (!logs.isBlank()) {
        err.println("Last logs:\n" + tail(logs, 10));
      }
      return 1;
    } catch (ReplicateException | IOException e) {
      err.println("Failed: " + e.getMessage());
      return 1;
    }
  }

  /** A stub with a few seconds of visible progress, so the demo shows what waiting looks like. */
  private static StubRelay demoStub() {
    return StubRelay.builder()
        .schedule(Schedule.of(Duration.ofMillis(300), Duration.ofMillis(2500)))
        .build()
        .start();
  }

  private static String tail(String logs, int lines) {
    String[] all = logs.strip().split("\r?\n");
    StringBuilder text = new StringBuilder();
    for (int i = Math.max(0, all.length - lines); i < all.length; i++) {
      text.append("  ").append(all[i]).append('\n');
    }
    return text.toString();
  }
}
