package dev.replicate4j.cli;

import dev.replicate4j.Prediction;
import dev.replicate4j.ReplicateClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code get ID} and {@code cancel ID}: one request about one prediction, then its state. */
abstract class ByIdCommand implements Callable<Integer> {
  @Parameters(paramLabel = "ID", description = "The prediction's id.")
  String id;

  @Option(names = "--json", description = "Print the prediction as JSON.")
  boolean json;

  @Mixin
  Connection connection;

  @Spec
  CommandSpec spec;

  /** The one request: read or cancel. */
  abstract Prediction request(ReplicateClient client, String id);

  @Override
  public Integer call() {
    try (Connection.Session session = connection.open()) {
      print(spec.commandLine().getOut(), request(session.client(), id));
      return ExitCodes.OK;
    }
  }

  private void print(PrintWriter out, Prediction prediction) {
    if (json) {
      out.println(Json.write(prediction.json()));
    } else {
      out.println("id:      " + prediction.id());
      out.println("model:   " + prediction.model().orElse("(not given)"));
      out.println("version: " + prediction.version().orElse("(not given)"));
      out.println("status:  " + prediction.rawStatus().orElse("(not given)"));
      prediction.error().ifPresent(error -> out.println("error:   " + error));
      for (String uri : prediction.outputUris()) {
        out.println("output:  " + uri);
      }
    }
    out.flush();
  }
}
