package dev.replicate4j.stub;

import dev.replicate4j.models.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Configures a {@link StubRelay}; get one from {@link StubRelay#builder()}. Each {@link #build()}
 * gives a new, independent stub.
 */
public final class StubRelayBuilder {
  String apiKey = StubRelay.DEFAULT_API_KEY;
  int port;
  Schedule schedule = Schedule.defaults();
  final Map<String, Schedule> schedulesByModel = new HashMap<>();
  boolean honourPrefer = true;
  boolean honourCancelAfter = true;
  Duration cancelAfterMinimum = Duration.ofSeconds(5);
  SuccessCodes successCodes = SuccessCodes.RELAY_200;
  String webhookSecret = StubRelay.DEFAULT_WEBHOOK_SECRET;
  int webhookAttempts = 3;
  Duration webhookBackoff = Duration.ofMillis(200);
  int listPageSize = 100;
  String fileHost;
  boolean https;
  boolean ipv6;
  final List<ModelSpec.Builder> models = new ArrayList<>();
  LogShape logShape = LogShape.HONEST;

  StubRelayBuilder() {}

  /**
   * The key to accept as {@code Authorization: Bearer <key>}.
   *
   * @param apiKey not blank
   * @return this builder
   */
  public StubRelayBuilder apiKey(String apiKey) {
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException("apiKey must not be blank");
    }
    this.apiKey = apiKey;
    return this;
  }

  /**
   * The port to listen on.
   *
   * @param port 1 to 65535, or 0 (the default) for a free one
   * @return this builder
   */
  public StubRelayBuilder port(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    this.port = port;
    return this;
  }

  /**
   * How long every prediction spends starting and processing.
   *
   * @param schedule the schedule
   * @return this builder
   */
  public StubRelayBuilder schedule(Schedule schedule) {
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    return this;
  }

  /**
   * A schedule for one model, overriding {@link #schedule(Schedule)} for it.
   *
   * @param model {@code owner/name} of one of the ten models
   * @param schedule the schedule
   * @return this builder
   */
  public StubRelayBuilder schedule(String model, Schedule schedule) {
    if (!ModelTable.standard().with(models).knowsModel(model)) {
      throw new IllegalArgumentException("Unknown model '" + model + "'; expected owner/name of "
          + "one of the models the relay serves");
    }
    schedulesByModel.put(model, Objects.requireNonNull(schedule, "schedule"));
    return this;
  }

  /**
   * Whether {@code Prefer: wait} holds the create response (default true).
   *
   * @param honoured false to ignore the header entirely, as a relay that drops it would
   * @return this builder
   */
  public StubRelayBuilder honourPreferWait(boolean honoured) {
    this.honourPrefer = honoured;
    return this;
  }

  /**
   * Whether {@code Cancel-After} sets a deadline (default true).
   *
   * @param honoured false to ignore the header entirely
   * @return this builder
   */
  public StubRelayBuilder honourCancelAfter(boolean honoured) {
    this.honourCancelAfter = honoured;
    return this;
  }

  /**
   * The smallest {@code Cancel-After} accepted (default 5 s, as Replicate); lower it for fast
   * tests.
   *
   * @param minimum zero or more
   * @return this builder
   */
  public StubRelayBuilder cancelAfterMinimum(Duration minimum) {
    if (minimum.isNegative()) {
      throw new IllegalArgumentException("minimum must not be negative");
    }
    this.cancelAfterMinimum = minimum;
    return this;
  }

  /**
   * The status codes of a successful create (default {@link SuccessCodes#RELAY_200}).
   *
   * @param codes the mode
   * @return this builder
   */
  public StubRelayBuilder successCodes(SuccessCodes codes) {
    this.successCodes = Objects.requireNonNull(codes, "codes");
    return this;
  }

  /**
   * The secret webhooks are signed with.
   *
   * @param secret {@code whsec_<base64 key>}
   * @return this builder
   */
  public StubRelayBuilder webhookSecret(String secret) {
    WebhookSigner.keyOf(secret);
    this.webhookSecret = secret;
    return this;
  }

  /**
   * How often a webhook is tried when the receiver fails (default 3 attempts, 200 ms apart,
   * growing linearly).
   *
   * @param attempts at least 1
   * @param backoff the wait after the first failure, zero or more
   * @return this builder
   */
  public StubRelayBuilder webhookRetries(int attempts, Duration backoff) {
    if (attempts < 1 || backoff.isNegative()) {
      throw new IllegalArgumentException("attempts must be at least 1 and backoff not negative");
    }
    this.webhookAttempts = attempts;
    this.webhookBackoff = backoff;
    return this;
  }

  /**
   * Predictions per page of the list (default 100, as Replicate).
   *
   * @param size at least 1
   * @return this builder
   */
  public StubRelayBuilder listPageSize(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("size must be at least 1, got " + size);
    }
    this.listPageSize = size;
    return this;
  }

  /**
   * The host name in output file URLs (default {@code localhost}, while the API is at
   * {@code 127.0.0.1}; {@code [::1]} with {@link #ipv6(boolean)}); it must resolve to the address
   * the stub listens on.
   *
   * @param host a host name or address; an IPv6 address with or without brackets
   * @return this builder
   */
  public StubRelayBuilder fileHost(String host) {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    this.fileHost = host;
    return this;
  }

  /**
   * Serves the API and the output files over TLS (default false: plain http), with a certificate
   * authority and a server certificate made when the stub starts. Output links then start with
   * {@code https://}, as the service's do. Clients trust the stub through
   * {@link StubRelay#trustedCertificates()}, {@link StubRelay#httpClient()} or, outside the JVM,
   * {@link StubRelay#certificatePem()}.
   *
   * @param https true for https
   * @return this builder
   */
  public StubRelayBuilder https(boolean https) {
    this.https = https;
    return this;
  }

  /**
   * Listens on the IPv6 loopback address {@code [::1]} instead of {@code 127.0.0.1} (default
   * false). Output links then use {@code [::1]} too unless {@link #fileHost(String)} says
   * otherwise, since {@code localhost} often resolves to {@code 127.0.0.1} only.
   *
   * @param ipv6 true for {@code [::1]}
   * @return this builder
   */
  public StubRelayBuilder ipv6(boolean ipv6) {
    this.ipv6 = ipv6;
    return this;
  }

  /**
   * Serves one more model version, checking its inputs by the rules of its generated input (a
   * model of a team's own, generated from its schema file) and answering with files of the given
   * kind. Register a model before giving it a {@link #schedule(String, Schedule) schedule}.
   *
   * @param model a model with owner, name, version and an input spec
   * @param output the files its predictions produce
   * @return this builder
   * @throws IllegalArgumentException if the model has no version or input spec, or its version is
   *     already served
   */
  public StubRelayBuilder model(Model<?, ?> model, StubOutput output) {
    return serve(ModelTable.serve(model, Objects.requireNonNull(output, "output")));
  }

  /**
   * Serves one more model version from its schema alone, with no generated code: the Cog-style
   * YAML or JSON of a schema file (owner, name and version in {@code info.x-model}, the inputs
   * and their rules in {@code components.schemas.Input}), answering with files of the given kind.
   *
   * @param schema the schema's text
   * @param output the files its predictions produce
   * @return this builder
   * @throws IllegalArgumentException if the schema is malformed, uses an input type the stub
   *     cannot check, or names a version already served
   */
  public StubRelayBuilder model(String schema, StubOutput output) {
    return serve(SchemaFile.read(Objects.requireNonNull(schema, "schema"),
        Objects.requireNonNull(output, "output")));
  }

  /**
   * Serves one more model version from a schema file; see {@link #model(String, StubOutput)}.
   *
   * @param schemaFile a {@code .yaml} or {@code .json} schema file
   * @param output the files its predictions produce
   * @return this builder
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException as for {@link #model(String, StubOutput)}
   */
  public StubRelayBuilder model(Path schemaFile, StubOutput output) {
    try {
      return model(Files.readString(schemaFile), output);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the schema " + schemaFile, e);
    }
  }

  private StubRelayBuilder serve(ModelSpec.Builder spec) {
    ModelTable.standard().with(models).with(List.of(spec));
    models.add(spec);
    return this;
  }

  /**
   * What every prediction prints into its logs while it processes (default
   * {@link LogShape#HONEST}).
   *
   * @param shape the shape
   * @return this builder
   */
  public StubRelayBuilder logShape(LogShape shape) {
    this.logShape = Objects.requireNonNull(shape, "shape");
    return this;
  }

  /**
   * A new stub with this configuration, not yet started.
   *
   * @return the stub
   */
  public StubRelay build() {
    return new StubRelay(new Settings(this));
  }
}
