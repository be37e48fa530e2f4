package dev.replicate4j.cli;

import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top-level command: only subcommands do work. They inherit {@code --help}, {@code --version}
 * and the exit-code footer.
 */
@Command(name = "replicate4j", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
    versionProvider = Version.class,
    description = "Run image and video models through a Replicate-style predictions API.%n"
        + "Without CHAINHUB_API_KEY every command runs against an embedded stub relay.",
    footer = {"", ExitCodes.HELP},
    subcommands = {RunCommand.class, GetCommand.class, CancelCommand.class, WaitCommand.class,
        ModelsCommand.class, StubCommand.class, AutoComplete.GenerateCompletion.class})
final class Replicate4jCommand implements Runnable {
  private final Map<String, String> env;
  private final boolean terminal;

  @Spec
  CommandSpec spec;

  Replicate4jCommand(Map<String, String> env, boolean terminal) {
    this.env = Map.copyOf(env);
    this.terminal = terminal;
  }

  /** The process environment (or a test's). */
  Map<String, String> env() {
    return env;
  }

  /** Whether stderr is a terminal, so progress can redraw one line. */
  boolean terminal() {
    return terminal;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Name a command.");
  }
}
