package dev.replicate4j.cli;

import dev.replicate4j.Prediction;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code get ID}: one prediction's current state. */
@Command(name = "get", description = "Show a prediction's current state.")
final class GetCommand implements Callable<Integer> {
  @Parameters(paramLabel = "ID", description = "The prediction's id.")
  String id;

  @Option(names = "--json", description = "Print the prediction as JSON.")
  boolean json;

  @Mixin
  Connection connection;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    try (Connection.Session session = connection.open()) {
      Summary.print(spec.commandLine().getOut(), session.client().get(id), json);
      return ExitCodes.OK;
    }
  }

  /** How {@code get} and {@code cancel} print a prediction. */
  static final class Summary {
    private Summary() {}

    static void print(PrintWriter out, Prediction prediction, boolean json) {
      if (json) {
        out.println(Json.write(prediction.json()));
      } else {
        out.println("id:      " + prediction.id());
        out.println("model:   " + prediction.model());
        out.println("version: " + prediction.version());
        out.println("status:  " + prediction.rawStatus());
        prediction.error().ifPresent(error -> out.println("error:   " + error));
        for (String uri : prediction.outputUris()) {
          out.println("output:  " + uri);
        }
      }
      out.flush();
    }
  }
}
