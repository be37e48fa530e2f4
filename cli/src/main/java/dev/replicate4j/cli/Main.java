package dev.replicate4j.cli;

import java.util.Map;
import picocli.CommandLine;

/**
 * The {@code replicate4j} command-line tool: runs models, follows predictions, lists the catalog
 * and serves the stub relay. Exit codes are in {@link ExitCodes}.
 */
public final class Main {
  private Main() {}

  /**
   * Runs one command and exits with its code.
   *
   * @param args the command line, as typed after {@code replicate4j}
   */
  public static void main(String[] args) {
    System.exit(commandLine(System.getenv(), System.console() != null).execute(args));
  }

  /** The tool wired to an environment: tests pass their own, with captured streams set after. */
  static CommandLine commandLine(Map<String, String> env, boolean terminal) {
    CommandLine line = new CommandLine(new Replicate4jCommand(env, terminal));
    line.setExecutionExceptionHandler(Failures::handle);
    line.setParameterExceptionHandler(Failures::usage);
    line.setCaseInsensitiveEnumValuesAllowed(true);
    return line;
  }
}
