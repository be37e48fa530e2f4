package dev.replicate4j.cli;

import dev.replicate4j.InvalidInputException;
import dev.replicate4j.PredictionException;
import dev.replicate4j.PredictionTimeoutException;
import dev.replicate4j.ReplicateException;
import dev.replicate4j.ValidationException;
import dev.replicate4j.models.UnknownModelException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** Turns what a command throws into a message on stderr and an exit code. */
final class Failures {
  private static final int LOG_LINES = 10;

  private Failures() {}

  /** The execution exception handler: prints the message, with the key masked, and maps it. */
  static int handle(Exception e, CommandLine command, ParseResult parsed) {
    String message = message(e);
    String key = keyOf(command.getCommandSpec());
    if (key != null) {
      message = message.replace(key, "<redacted>");
    }
    command.getErr().println(message);
    command.getErr().flush();
    return exitCode(e);
  }

  /** Bad usage: the problem and where to read more, not the whole help (exit code 2). */
  static int usage(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println(e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return ExitCodes.BAD_INPUT;
  }

  static int exitCode(Throwable e) {
    if (e instanceof PredictionTimeoutException) {
      return ExitCodes.TIMEOUT;
    }
    if (e instanceof PredictionException) {
      return ExitCodes.PREDICTION_FAILED;
    }
    if (e instanceof ValidationException || e instanceof UnknownModelException
        || e instanceof InvalidInputException || e instanceof IllegalArgumentException) {
      return ExitCodes.BAD_INPUT;
    }
    return ExitCodes.SERVICE;
  }

  private static String message(Exception e) {
    if (e instanceof PredictionException) {
      String logs = ((PredictionException) e).prediction().logs();
      return logs.isBlank() ? e.getMessage() : e.getMessage() + "\nLast logs:\n" + tail(logs);
    }
    if (e instanceof ReplicateException || e instanceof IllegalArgumentException) {
      return e.getMessage();
    }
    if (e instanceof IOException || e instanceof UncheckedIOException) {
      return "I/O error: " + e.getMessage();
    }
    // A bug of ours: say what it is rather than hide it.
    return "Unexpected error: " + e;
  }

  private static String keyOf(CommandSpec spec) {
    Object mixin = spec.mixins().containsKey("connection")
        ? spec.mixins().get("connection").userObject() : null;
    return mixin instanceof Connection ? ((Connection) mixin).key() : null;
  }

  private static String tail(String logs) {
    String[] all = logs.strip().split("\r?\n");
    StringBuilder text = new StringBuilder();
    for (int i = Math.max(0, all.length - LOG_LINES); i < all.length; i++) {
      text.append("  ").append(all[i]).append('\n');
    }
    return text.toString().stripTrailing();
  }
}
