package dev.replicate4j.cli;

import dev.replicate4j.ReplicateClient;
import dev.replicate4j.stub.Schedule;
import dev.replicate4j.stub.StubRelay;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Where requests go and with which key: options first, then the environment, else the stub. */
final class Connection {
  @Option(names = "--base-url", paramLabel = "URL",
      description = "The relay's base URL (default: $CHAINHUB_BASE_URL, else "
          + ReplicateClient.DEFAULT_BASE_URL + ").")
  String baseUrl;

  @Option(names = "--api-key", paramLabel = "KEY",
      description = "The API key (default: $CHAINHUB_API_KEY). Without one, an embedded stub "
          + "relay answers.")
  String apiKey;

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  /** The key in use, or null with the stub: errors print with it masked. */
  String key() {
    String key = apiKey != null ? apiKey : root().env().get(ReplicateClient.API_KEY_ENV);
    return key == null || key.isBlank() ? null : key;
  }

  /** Connects; without a key starts the embedded stub and says so on stderr. */
  Session open() {
    String key = key();
    if (key == null) {
      if (baseUrl != null) {
        throw new ParameterException(spec.commandLine(),
            "--base-url needs a key: --api-key or " + ReplicateClient.API_KEY_ENV);
      }
      StubRelay stub = demoStub();
      spec.commandLine().getErr().println("No " + ReplicateClient.API_KEY_ENV
          + " set: running against the embedded stub relay at " + stub.baseUrl());
      spec.commandLine().getErr().flush();
      return new Session(ReplicateClient.builder().baseUrl(stub.baseUrl()).apiKey(stub.apiKey())
          .build(), stub);
    }
    String url = baseUrl != null ? baseUrl : root().env().get(ReplicateClient.BASE_URL_ENV);
    return new Session(ReplicateClient.builder().apiKey(key)
        .baseUrl(url == null || url.isBlank() ? ReplicateClient.DEFAULT_BASE_URL : url).build(), null);
  }

  Replicate4jCommand root() {
    return (Replicate4jCommand) spec.root().userObject();
  }

  /** A stub with a few seconds of visible progress, so a demo shows what waiting looks like. */
  private static StubRelay demoStub() {
    return StubRelay.builder()
        .schedule(Schedule.of(Duration.ofMillis(300), Duration.ofMillis(2500)))
        .build()
        .start();
  }

  /** A client, and the stub it talks to when there is one; closing closes both. */
  static final class Session implements AutoCloseable {
    private final ReplicateClient client;
    private final StubRelay stub;

    Session(ReplicateClient client, StubRelay stub) {
      this.client = client;
      this.stub = stub;
    }

    ReplicateClient client() {
      return client;
    }

    /** Whether this command runs against its own embedded stub, which ends with it. */
    boolean embedded() {
      return stub != null;
    }

    /**
     * How to pick a prediction up again after this command stops waiting for it: {@code wait ID},
     * except on the embedded stub, whose predictions end with the command.
     */
    String resumeHint(String id) {
      return !embedded() ? "Resume with: replicate4j wait " + id
          : "It ends with this command's embedded stub relay, so it cannot be resumed (set "
              + ReplicateClient.API_KEY_ENV + ", or serve a stub with `replicate4j stub` and pass"
              + " its --base-url and --api-key)";
    }

    @Override
    public void close() {
      try {
        client.close();
      } finally {
        if (stub != null) {
          stub.close();
        }
      }
    }
  }
}
