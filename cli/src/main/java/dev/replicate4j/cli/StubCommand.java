package dev.replicate4j.cli;

import dev.replicate4j.stub.StubRelay;
import dev.replicate4j.stub.StubRelayBuilder;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stub}: serves the stub relay until interrupted, for trying things and other clients' tests. */
@Command(name = "stub", description = "Serve the stub relay on 127.0.0.1 until stopped (Ctrl-C). "
    + "Prints its base URL on the first line, then the API key.")
final class StubCommand implements Callable<Integer> {
  @Option(names = "--port", paramLabel = "N", defaultValue = "0",
      description = "The port (default: 0, a free one).")
  int port;

  @Option(names = "--api-key", paramLabel = "KEY", description = "The bearer token to accept "
      + "(default: " + StubRelay.DEFAULT_API_KEY + ").")
  String apiKey;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    StubRelayBuilder builder = StubRelay.builder().port(port);
    if (apiKey != null) {
      builder.apiKey(apiKey);
    }
    try (StubRelay stub = builder.build().start()) {
      PrintWriter out = spec.commandLine().getOut();
      out.println(stub.baseUrl());
      out.println("API key: " + stub.apiKey() + "  (API under " + stub.baseUrl()
          + "/replicate/v1; stop with Ctrl-C)");
      out.flush();
      // Until this thread is interrupted (a test) or the JVM exits (Ctrl-C closes the stub with it).
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      return ExitCodes.OK;
    }
    return ExitCodes.OK;
  }
}
