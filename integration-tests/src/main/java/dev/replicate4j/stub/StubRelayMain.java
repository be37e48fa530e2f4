package dev.replicate4j.stub;

import java.util.concurrent.CountDownLatch;

/**
 * Runs a stub relay on its own until the process is killed, for demos and for trying a client by
 * hand. Prints the base URL on the first line, then the API key.
 *
 * <pre>
 * java -cp ... dev.replicate4j.stub.StubRelayMain [--port N] [--api-key KEY]
 * </pre>
 *
 * <p>{@code --port} defaults to 0 (a free port); {@code --api-key} defaults to
 * {@value StubRelay#DEFAULT_API_KEY}.
 */
public final class StubRelayMain {
  static final String USAGE = "Usage: StubRelayMain [--port N] [--api-key KEY]\n"
      + "  --port N       port on 127.0.0.1 to listen on (default 0: a free port)\n"
      + "  --api-key KEY  bearer token to accept (default " + StubRelay.DEFAULT_API_KEY + ")";

  private StubRelayMain() {}

  /**
   * Starts the stub and blocks.
   *
   * @param args {@code --port N}, {@code --api-key KEY}, {@code --help}
   * @throws InterruptedException if the main thread is interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    StubRelayBuilder builder;
    try {
      builder = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (builder == null) {
      System.out.println(USAGE);
      return;
    }
    StubRelay stub = builder.build().start();
    Runtime.getRuntime().addShutdownHook(new Thread(stub::close, "stub-relay-shutdown"));
    System.out.println(stub.baseUrl());
    System.out.println("API key: " + stub.apiKey() + "  (API under " + stub.baseUrl()
        + "/replicate/v1; stop with Ctrl-C)");
    System.out.flush();
    new CountDownLatch(1).await();
  }

  /** The configured builder, or null for {@code --help}; rejects unknown or malformed options. */
  static StubRelayBuilder parse(String[] args) {
    StubRelayBuilder builder = StubRelay.builder();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (name.equals("--help") || name.equals("-h")) {
        return null;
      }
      if (!name.equals("--port") && !name.equals("--api-key")) {
        throw new IllegalArgumentException("Unknown option '" + arg + "'");
      }
      String value;
      if (arg.contains("=")) {
        value = arg.substring(arg.indexOf('=') + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException("Option " + name + " needs a value");
      }
      if (name.equals("--port")) {
        try {
          builder.port(Integer.parseInt(value));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("--port needs a number from 0 to 65535, got '" + value + "'");
        }
      } else {
        builder.apiKey(value);
      }
    }
    return builder;
  }
}
