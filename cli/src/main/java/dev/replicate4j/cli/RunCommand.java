package dev.replicate4j.cli;

import dev.replicate4j.CreateOptions;
import dev.replicate4j.PredictionHandle;
import dev.replicate4j.models.Model;
import dev.replicate4j.models.ModelInput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code run MODEL key=value...}: creates a prediction, waits with progress, saves the files. */
@Command(name = "run", description = "Run a model: create a prediction, show its progress, save "
    + "its output files.")
final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "MODEL",
      description = "A catalog name (sdxl, stable-diffusion, flux-schnell-lora, rembg, ... see "
          + "'replicate4j models'), owner/name, owner/name:<version> or a 64-hex version id.")
  String model;

  @Parameters(index = "1..*", paramLabel = "KEY=VALUE",
      description = "Inputs, typed by the model (see 'replicate4j models MODEL'). Images take a "
          + "URL, a data: URI or a local file; key=@file reads a text value from a file.")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--no-wait", description = "Print the prediction id (or its JSON) and exit.")
  boolean noWait;

  @Option(names = "--webhook", paramLabel = "URL",
      description = "Have the server POST the prediction to this URL when it changes.")
  String webhook;

  @Mixin
  WaitOptions waitOptions;

  @Mixin
  Connection connection;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Model<?, ?> resolved = ModelNames.resolve(model);
    ModelInput input = resolved.parseInput(values(resolved));
    try (Connection.Session session = connection.open()) {
      return run(session, resolved, input);
    }
  }

  private <I extends ModelInput, O> int run(Connection.Session session, Model<I, O> typed,
      ModelInput input) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CreateOptions options = webhook == null ? CreateOptions.NONE
        : CreateOptions.builder().webhook(webhook).build();
    PredictionHandle<O> handle =
        session.client().create(typed, typed.inputType().cast(input), options);
    if (noWait) {
      out.println(waitOptions.json ? Json.write(handle.latest().orElseThrow().json()) : handle.id());
      out.flush();
      if (session.embedded()) {
        // The id alone would read as one a later `wait` can use.
        err.println("Prediction " + handle.id() + " created. " + session.resumeHint(handle.id()));
      }
      return ExitCodes.OK;
    }
    err.println("Prediction " + handle.id() + " of " + typed.ref() + " created; waiting (Ctrl-C "
        + "stops waiting)");
    return new Waiting(session, out, err, connection.root().terminal(), waitOptions)
        .await(handle);
  }

  /** The key=value arguments as text, {@code @file} values read; every malformed one listed. */
  private Map<String, String> values(Model<?, ?> resolved) {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (String arg : inputs) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        problems.add("Inputs are key=value; got '" + arg + "'");
        continue;
      }
      String key = arg.substring(0, eq);
      String value = arg.substring(eq + 1);
      if (value.startsWith("@") && value.length() > 1) {
        value = fromFile(resolved, key, Path.of(value.substring(1)), problems);
      }
      if (values.put(key, value) != null) {
        problems.add("Input '" + key + "' is given twice");
      }
    }
    if (!problems.isEmpty()) {
      throw new ParameterException(spec.commandLine(), String.join("\n", problems));
    }
    return values;
  }

  /** An image input takes the path itself (the SDK reads and checks the file); text is read. */
  private static String fromFile(Model<?, ?> resolved, String key, Path file, List<String> problems) {
    if (InputTable.isImage(resolved, key)) {
      return file.toString();
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      problems.add("Input '" + key + "': cannot read " + file + ": " + e.getMessage());
      return "";
    }
  }
}
