package dev.replicate4j.cli;

import dev.replicate4j.Prediction;
import dev.replicate4j.ReplicateClient;
import picocli.CommandLine.Command;

/** {@code cancel ID}: asks the server to cancel a prediction, then shows its state. */
@Command(name = "cancel", description = "Cancel a prediction.")
final class CancelCommand extends ByIdCommand {
  @Override
  Prediction request(ReplicateClient client, String id) {
    return client.cancel(id);
  }
}
