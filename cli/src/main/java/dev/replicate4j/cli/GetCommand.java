package dev.replicate4j.cli;

import dev.replicate4j.Prediction;
import dev.replicate4j.ReplicateClient;
import picocli.CommandLine.Command;

/** {@code get ID}: one prediction's current state. */
@Command(name = "get", description = "Show a prediction's current state.")
final class GetCommand extends ByIdCommand {
  @Override
  Prediction request(ReplicateClient client, String id) {
    return client.get(id);
  }
}
