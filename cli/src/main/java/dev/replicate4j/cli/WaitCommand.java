package dev.replicate4j.cli;

import dev.replicate4j.PredictionHandle;
import dev.replicate4j.models.Model;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wait ID}: resumes waiting for a prediction, then saves its files like {@code run}. */
@Command(name = "wait", description = "Wait for a prediction (again) and save its output files.")
final class WaitCommand implements Callable<Integer> {
  @Parameters(paramLabel = "ID", description = "The prediction's id.")
  String id;

  @Mixin
  WaitOptions waitOptions;

  @Mixin
  Connection connection;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    try (Connection.Session session = connection.open()) {
      // One read tells the version; a catalog model then gives typed outputs (files to save).
      Optional<Model<?, ?>> model =
          session.client().get(id).version().flatMap(ModelNames::ofVersion);
      PredictionHandle<?> handle = model.isPresent()
          ? session.client().resume(id, model.get()) : session.client().resume(id);
      return new Waiting(session, spec.commandLine().getOut(),
          spec.commandLine().getErr(), connection.root().terminal(), waitOptions).await(handle);
    }
  }
}
