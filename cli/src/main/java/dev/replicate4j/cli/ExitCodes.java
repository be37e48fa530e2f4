package dev.replicate4j.cli;

/** The tool's exit codes, as documented in {@code replicate4j --help}. */
final class ExitCodes {
  static final int OK = 0;
  /** The prediction failed, was canceled or aborted, or its output expired. */
  static final int PREDICTION_FAILED = 1;
  /** Bad usage, an unknown model or an input the model refuses. */
  static final int BAD_INPUT = 2;
  /** The network, the server or the credentials failed. */
  static final int SERVICE = 3;
  /** The wait reached its deadline; the prediction may still be running. */
  static final int TIMEOUT = 4;
  /** The wait was interrupted (Ctrl-C), as shells report SIGINT. */
  static final int INTERRUPTED = 130;

  static final String HELP = "Exit codes:%n"
      + "  0    done%n"
      + "  1    the prediction failed, was canceled or aborted, or its output expired%n"
      + "  2    bad usage, unknown model or invalid input (every violation is listed)%n"
      + "  3    network, server or authentication error%n"
      + "  4    --timeout reached (the prediction keeps running)%n"
      + "  130  interrupted (Ctrl-C): the wait stopped, the prediction keeps running%n"
      + "       (unless --cancel-on-interrupt)";

  private ExitCodes() {}
}
