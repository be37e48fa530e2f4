package dev.replicate4j.examples;

import dev.replicate4j.ReplicateException;
import dev.replicate4j.models.Model;
import dev.replicate4j.models.ModelCatalog;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The job's arguments: a model, {@code key=value} inputs and an optional output folder. */
final class CommandLine {
  static final String USAGE = "usage: RunPrediction <model> [key=value ...] [--out DIR]\n"
      + "  <model>: a catalog name (sdxl, stable-diffusion, flux-schnell-lora, rembg, ...),\n"
      + "           owner/name, owner/name:<version> or a 64-hex version id";

  private final String modelName;
  private final Map<String, String> inputs;
  private final Path outputDir;

  private CommandLine(String modelName, Map<String, String> inputs, Path outputDir) {
    this.modelName = modelName;
    this.inputs = inputs;
    this.outputDir = outputDir;
  }

  static CommandLine parse(String[] args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("Name a model to run.");
    }
    String modelName = null;
    Map<String, String> inputs = new LinkedHashMap<>();
    Path outputDir = Path.of("outputs");
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--out")) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("--out needs a folder");
        }
        outputDir = Path.of(args[++i]);
      } else if (modelName == null) {
        modelName = arg;
      } else {
        int eq = arg.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("Inputs are key=value; got '" + arg + "'");
        }
        String key = arg.substring(0, eq);
        if (inputs.put(key, arg.substring(eq + 1)) != null) {
          throw new IllegalArgumentException("Input '" + key + "' is given twice");
        }
      }
    }
    if (modelName == null) {
      throw new IllegalArgumentException("Name a model to run.");
    }
    return new CommandLine(modelName, inputs, outputDir);
  }

  /** The model: a short catalog name such as {@code sdxl}, or any reference the catalog takes. */
  Model<?, ?> model() {
    ModelCatalog catalog = ModelCatalog.standard();
    if (!modelName.contains("/") && modelName.length() != 64) {
      List<Model<?, ?>> named = catalog.models().stream()
          .filter(m -> modelName.equals(m.name()))
          .collect(Collectors.toList());
      if (named.size() == 1) {
        return named.get(0);
      }
      throw new ReplicateException("Unknown model '" + modelName + "'; known models: "
          + catalog.models().stream().map(Model::name).collect(Collectors.joining(", ")));
    }
    return catalog.get(modelName);
  }

  Map<String, String> inputs() {
    return inputs;
  }

  Path outputDir() {
    return outputDir;
  }
}
