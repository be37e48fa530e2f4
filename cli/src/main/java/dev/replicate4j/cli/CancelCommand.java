package dev.replicate4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cancel ID}: asks the server to cancel a prediction. */
@Command(name = "cancel", description = "Cancel a prediction.")
final class CancelCommand implements Callable<Integer> {
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
      GetCommand.Summary.print(spec.commandLine().getOut(), session.client().cancel(id), json);
      return ExitCodes.OK;
    }
  }
}
