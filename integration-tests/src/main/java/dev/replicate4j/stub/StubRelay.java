package dev.replicate4j.stub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.tls.HandshakeCertificates;

/**
 * A stateful fake of the relay on a loopback port: create, get, cancel and list predictions under
 * {@code /replicate/v1}, output files under {@code /files}, signed webhooks, fault injection and a
 * journal of every request. Thread-safe.
 *
 * <pre>{@code
 * try (StubRelay stub = StubRelay.builder().build().start()) {
 *   // point a client at stub.baseUrl() with stub.apiKey()
 * }
 * }</pre>
 */
public final class StubRelay implements AutoCloseable {
  /** The API key a stub accepts unless configured otherwise. */
  public static final String DEFAULT_API_KEY = "stub-relay-key";
  /** The secret webhooks are signed with unless configured otherwise. */
  public static final String DEFAULT_WEBHOOK_SECRET = "whsec_" + Base64.getEncoder()
      .encodeToString("replicate4j stub relay webhook key".getBytes(StandardCharsets.UTF_8));

  private final Settings settings;
  private final Journal journal = new Journal();
  private final FaultQueue faults = new FaultQueue();
  private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
  private final PredictionStore store = new PredictionStore();
  private final FileStore files = new FileStore();
  private final WebhookSender webhooks;
  private final Lifecycle lifecycle;
  private final MockWebServer server = new MockWebServer();
  private volatile StubTls tls;
  private volatile boolean started;
  private volatile boolean closed;

  StubRelay(Settings settings) {
    this.settings = settings;
    this.webhooks = new WebhookSender(new WebhookSigner(settings.webhookSecret), journal,
        settings.webhookAttempts, settings.webhookBackoff);
    this.lifecycle = new Lifecycle(store, files, webhooks);
  }

  /**
   * A builder with the defaults: {@link #DEFAULT_API_KEY}, a free port, {@link Schedule#defaults()},
   * both headers honoured, 200 on success, {@link #DEFAULT_WEBHOOK_SECRET}.
   *
   * @return a new builder
   */
  public static StubRelayBuilder builder() {
    return new StubRelayBuilder();
  }

  /**
   * Binds the port and starts serving.
   *
   * @return this stub
   * @throws UncheckedIOException if the port cannot be bound
   * @throws IllegalStateException if already started or closed
   */
  public synchronized StubRelay start() {
    if (started || closed) {
      throw new IllegalStateException(closed ? "This stub relay is closed" : "Already started");
    }
    // The dispatcher goes in before the port opens: MockWebServer's default one would hold a
    // request that arrives in between forever.
    AcceptedSockets sockets = new AcceptedSockets();
    server.setDispatcher(new RelayDispatcher(journal, faults,
        new PredictionEndpoints(settings, store, lifecycle, files, outcomes, this::servedFileBaseUrl),
        sockets::get));
    if (settings.https) {
      tls = new StubTls(settings.fileHost);
      server.useHttps(tls.server.sslSocketFactory());
      // HTTP/1.1 only: the faults act on one connection per exchange, as they do over plain http.
      server.setProtocols(List.of(Protocol.HTTP_1_1));
    }
    try {
      server.setServerSocketFactory(NoDelayServerSockets.factory(sockets::accepted));
      server.start(InetAddress.getByName(settings.ipv6 ? "::1" : "127.0.0.1"), settings.port);
    } catch (IOException e) {
      if (tls != null) {
        tls.close();
      }
      throw new UncheckedIOException("Could not start the stub relay on "
          + (settings.ipv6 ? "[::1]" : "127.0.0.1") + " port " + settings.port, e);
    }
    started = true;
    return this;
  }

  /**
   * The base URL to configure a client with; the API is under {@code /replicate/v1}.
   *
   * @return for example {@code http://127.0.0.1:54321}, {@code https://127.0.0.1:54321} with
   *     {@link StubRelayBuilder#https(boolean)}, {@code http://[::1]:54321} with
   *     {@link StubRelayBuilder#ipv6(boolean)}
   */
  public String baseUrl() {
    return scheme() + (settings.ipv6 ? "[::1]" : "127.0.0.1") + ":" + port();
  }

  /**
   * Where output files are served: the same server under another host name, so that a client
   * that sends its token to the API host only does not send it here.
   *
   * @return for example {@code http://localhost:54321}
   */
  public String fileBaseUrl() {
    port(); // throws unless started
    return servedFileBaseUrl();
  }

  private String servedFileBaseUrl() {
    return scheme() + settings.fileHost + ":" + server.getPort();
  }

  private String scheme() {
    return settings.https ? "https://" : "http://";
  }

  /**
   * What a JVM client needs to trust this stub: its certificate authority, made at start. For
   * OkHttp: {@code builder.sslSocketFactory(c.sslSocketFactory(), c.trustManager())}.
   *
   * @return the trust material
   * @throws IllegalStateException unless started with {@link StubRelayBuilder#https(boolean)}
   */
  public HandshakeCertificates trustedCertificates() {
    return tls().client;
  }

  /**
   * The stub's certificate authority in PEM, for clients outside the JVM (for Node.js, write it
   * to a file and point {@code NODE_EXTRA_CA_CERTS} at it; for curl, {@code --cacert}).
   *
   * @return the PEM text
   * @throws IllegalStateException unless started with {@link StubRelayBuilder#https(boolean)}
   */
  public String certificatePem() {
    return tls().authority.certificatePem();
  }

  /**
   * An OkHttpClient that trusts this stub, to pass to {@code ReplicateClientBuilder.okHttpClient}
   * or to derive clients from with {@code newBuilder()}. The stub owns it: its threads and
   * connections are released when the stub closes.
   *
   * @return the shared client
   * @throws IllegalStateException unless started with {@link StubRelayBuilder#https(boolean)}
   */
  public OkHttpClient httpClient() {
    return tls().httpClient;
  }

  private StubTls tls() {
    port(); // throws unless started
    StubTls current = tls;
    if (current == null) {
      throw new IllegalStateException("The stub relay serves plain http; build it with https(true)");
    }
    return current;
  }

  /**
   * The port the stub listens on.
   *
   * @return the port
   * @throws IllegalStateException if not started
   */
  public int port() {
    if (!started) {
      throw new IllegalStateException("The stub relay is not started");
    }
    return server.getPort();
  }

  /**
   * The API key the stub accepts as {@code Authorization: Bearer <key>}.
   *
   * @return the key
   */
  public String apiKey() {
    return settings.apiKey;
  }

  /**
   * The {@code whsec_} secret webhooks are signed with.
   *
   * @return the secret
   */
  public String webhookSecret() {
    return settings.webhookSecret;
  }

  /**
   * The record of every request and webhook delivery.
   *
   * @return the journal
   */
  public Journal journal() {
    return journal;
  }

  /**
   * How many predictions were really created (rejected and fault-answered creates do not count).
   *
   * @return the count
   */
  public int predictionsCreated() {
    return store.size();
  }

  /**
   * Spoils the answer to the next request of a kind.
   *
   * @param kind which requests
   * @param fault what goes wrong
   */
  public void failNext(RequestKind kind, Fault fault) {
    failNext(kind, 1, fault);
  }

  /**
   * Spoils the answers to the next {@code times} requests of a kind; queued after earlier faults.
   *
   * @param kind which requests
   * @param times how many, at least 1
   * @param fault what goes wrong
   */
  public void failNext(RequestKind kind, int times, Fault fault) {
    faults.add(Objects.requireNonNull(kind, "kind"), times, Objects.requireNonNull(fault, "fault"));
  }

  /**
   * How many injected faults of a kind are still waiting for a request.
   *
   * @param kind which requests
   * @return the count
   */
  public int pendingFaults(RequestKind kind) {
    return faults.pending(kind);
  }

  /** Drops every fault not yet used. */
  public void clearFaults() {
    faults.clear();
  }

  /**
   * Sets how the next prediction created ends; queued after earlier outcomes.
   *
   * @param outcome the outcome
   */
  public void nextOutcome(Outcome outcome) {
    nextOutcomes(1, outcome);
  }

  /**
   * Sets how the next {@code count} predictions created end.
   *
   * @param count how many, at least 1
   * @param outcome the outcome
   */
  public void nextOutcomes(int count, Outcome outcome) {
    Objects.requireNonNull(outcome, "outcome");
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, got " + count);
    }
    for (int i = 0; i < count; i++) {
      outcomes.add(outcome);
    }
  }

  /**
   * A prediction's status right now.
   *
   * @param predictionId the id
   * @return the status text
   * @throws IllegalArgumentException if there is no such prediction
   */
  public String status(String predictionId) {
    return lifecycle.status(existing(predictionId));
  }

  /**
   * Takes over a running prediction: sets its status now and stops its schedule. A terminal
   * status finishes it ({@code succeeded} with its output, {@code failed} with an error); any other
   * text, documented or not, stays until the next call, a cancel or its deadline.
   *
   * @param predictionId the id
   * @param status the status text
   * @throws IllegalArgumentException if there is no such prediction
   * @throws IllegalStateException if it already finished
   */
  public void setStatus(String predictionId, String status) {
    if (status == null || status.isBlank()) {
      throw new IllegalArgumentException("status must not be blank");
    }
    lifecycle.setStatus(existing(predictionId), status);
  }

  /**
   * Changes how a running prediction will end; its schedule goes on.
   *
   * @param predictionId the id
   * @param outcome succeeded, failed or data removed; aborted only before it starts
   * @throws IllegalArgumentException if there is no such prediction or the outcome is an unknown
   *     status (that one applies to new predictions only)
   * @throws IllegalStateException if it already finished, or started and the outcome is aborted
   */
  public void setOutcome(String predictionId, Outcome outcome) {
    Objects.requireNonNull(outcome, "outcome");
    if (outcome.kind == Outcome.Kind.UNKNOWN_STATUS) {
      throw new IllegalArgumentException("An unknown-status outcome applies to new predictions only");
    }
    lifecycle.setOutcome(existing(predictionId), outcome);
  }

  private StubPrediction existing(String predictionId) {
    StubPrediction p = store.find(predictionId);
    if (p == null) {
      throw new IllegalArgumentException("No prediction " + predictionId + " in this stub relay");
    }
    return p;
  }

  /** Stops serving: wakes waiting requests, stops the clock and webhooks, closes the port. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    lifecycle.close();
    webhooks.close();
    server.close();
    if (tls != null) {
      tls.close();
    }
  }

  /** The base URL, or the state when not serving. */
  @Override
  public synchronized String toString() {
    return "StubRelay{" + (closed ? "closed" : started ? baseUrl() : "not started") + "}";
  }
}
