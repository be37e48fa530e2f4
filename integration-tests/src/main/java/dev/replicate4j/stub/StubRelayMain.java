package dev.replicate4j.stub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a stub relay on its own until the process is killed, for demos and for trying a client by
 * hand. Prints the base URL on the first line, then the API key, then with {@code --https} the
 * file that holds the stub's certificate authority in PEM.
 *
 * <pre>
 * java -cp ... dev.replicate4j.stub.StubRelayMain [--port N] [--api-key KEY] [--https] [--ipv6]
 * </pre>
 *
 * <p>{@code --port} defaults to 0 (a free port); {@code --api-key} defaults to
 * {@value StubRelay#DEFAULT_API_KEY}; {@code --https} serves over TLS, {@code --ipv6} listens on
 * {@code [::1]}.
 */
public final class StubRelayMain {
  static final String USAGE = "Usage: StubRelayMain [--port N] [--api-key KEY] [--https] [--ipv6]\n"
      + "  --port N       port to listen on (default 0: a free port)\n"
      + "  --api-key KEY  bearer token to accept (default " + StubRelay.DEFAULT_API_KEY + ")\n"
      + "  --https        serve over TLS with a certificate made at start; its CA is written to a\n"
      + "                 PEM file whose path is printed\n"
      + "  --ipv6         listen on [::1] instead of 127.0.0.1";

  private StubRelayMain() {}

  /**
   * Starts the stub and blocks.
   *
   * @param args {@code --port N}, {@code --api-key KEY}, {@code --https}, {@code --ipv6},
   *     {@code --help}
   * @throws InterruptedException if the main thread is interrupted
   * @throws IOException if the certificate file cannot be written
   */
  public static void main(String[] args) throws InterruptedException, IOException {
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
    if (stub.baseUrl().startsWith("https:")) {
      Path pem = Files.createTempFile("stub-relay-ca-", ".pem");
      pem.toFile().deleteOnExit();
      Files.writeString(pem, stub.certificatePem(), StandardCharsets.US_ASCII);
      System.out.println("CA certificate: " + pem.toAbsolutePath());
    }
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
      if (arg.equals("--https") || arg.equals("--ipv6")) {
        if (arg.equals("--https")) {
          builder.https(true);
        } else {
          builder.ipv6(true);
        }
        continue;
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
