package dev.replicate4j.stub.junit;

import dev.replicate4j.PollingPolicy;
import dev.replicate4j.ReplicateClient;
import dev.replicate4j.ReplicateClientBuilder;
import dev.replicate4j.RetryPolicy;
import dev.replicate4j.stub.Schedule;
import dev.replicate4j.stub.StubRelay;
import dev.replicate4j.stub.StubRelayBuilder;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension for testing code that uses the SDK: starts a {@link StubRelay} on a free
 * loopback port before each test (or once per class) and hands test and lifecycle methods the
 * {@link StubRelay} and a {@link ReplicateClient} configured for it (its base URL and key, and
 * the quick {@link #TEST_POLLING_POLICY} and {@link #TEST_RETRY_POLICY}). Clients are closed when
 * the test ends, then the stub.
 *
 * <p>Predictions on this extension's stubs run on {@link #TEST_SCHEDULE} (20 ms starting, 100 ms
 * processing) unless configured otherwise.
 *
 * <pre>{@code
 * @ExtendWith(ReplicateStubExtension.class)
 * class ThumbnailServiceTest {
 *   @Test
 *   void makesOneImage(ReplicateClient client, StubRelay stub) {
 *     FileOutputs images = new ThumbnailService(client).render("a lighthouse");
 *     assertThat(images.size()).isEqualTo(1);
 *     assertThat(stub.journal().creates()).hasSize(1);
 *   }
 * }
 *
 * class ThumbnailServiceFailureTest {
 *   @RegisterExtension
 *   static final ReplicateStubExtension RELAY = ReplicateStubExtension.create()
 *       .configureStub(stub -> stub.honourPreferWait(false))
 *       .configureClient(client -> client.readTimeout(Duration.ofSeconds(2)));
 *
 *   @Test
 *   void reportsAFailedPrediction(ReplicateClient client, StubRelay stub) {
 *     stub.nextOutcome(Outcome.failed("CUDA out of memory"));
 *     assertThatThrownBy(() -> new ThumbnailService(client).render("a lighthouse"))
 *         .isInstanceOf(PredictionFailedException.class);
 *   }
 * }
 * }</pre>
 *
 * <p>Each {@link ReplicateClient} parameter is a new client; a test that needs a second one, for
 * example to resume a prediction elsewhere, builds it from {@link #clientBuilder(StubRelay)} and
 * closes it itself. Register one such extension per test class, and not together with
 * {@link StubRelayExtension}: they keep their stub in the same place.
 */
public final class ReplicateStubExtension implements BeforeAllCallback, AfterAllCallback,
    BeforeEachCallback, AfterEachCallback, ParameterResolver {
  /** How long predictions spend starting and processing on this extension's stubs. */
  public static final Schedule TEST_SCHEDULE =
      Schedule.of(Duration.ofMillis(20), Duration.ofMillis(100));

  /**
   * The polling policy of resolved clients: sync mode as usual, then polls from 20 ms growing by
   * 1.5x to 250 ms, 10% jitter, progress followed for at most 1 s, a 30 s deadline that cancels
   * the remote prediction.
   */
  public static final PollingPolicy TEST_POLLING_POLICY = PollingPolicy.builder()
      .initialDelay(Duration.ofMillis(20))
      .multiplier(1.5)
      .maxDelay(Duration.ofMillis(250))
      .jitter(0.1)
      .maxProgressDelay(Duration.ofSeconds(1))
      .deadline(Duration.ofSeconds(30))
      .build();

  /**
   * The retry policy of resolved clients: 4 attempts, backoff from 20 ms to 200 ms, and a server's
   * {@code Retry-After} honoured up to 2 s so that an injected rate limit cannot stall a test.
   */
  public static final RetryPolicy TEST_RETRY_POLICY = RetryPolicy.builder()
      .maxAttempts(4)
      .initialBackoff(Duration.ofMillis(20))
      .maxBackoff(Duration.ofMillis(200))
      .jitter(0.2)
      .maxRetryAfter(Duration.ofSeconds(2))
      .build();

  private final Consumer<StubRelayBuilder> stubConfiguration;
  private final Consumer<ReplicateClientBuilder> clientConfiguration;
  private final boolean perClass;
  private final StubRelayExtension stubs;

  /** A stub per test with the defaults; the form {@code @ExtendWith} uses. */
  public ReplicateStubExtension() {
    this(stub -> stub.schedule(TEST_SCHEDULE), client -> { }, false);
  }

  private ReplicateStubExtension(Consumer<StubRelayBuilder> stubConfiguration,
      Consumer<ReplicateClientBuilder> clientConfiguration, boolean perClass) {
    this.stubConfiguration = stubConfiguration;
    this.clientConfiguration = clientConfiguration;
    this.perClass = perClass;
    StubRelayExtension extension = StubRelayExtension.create()
        .configure(stubConfiguration)
        .resolving(ReplicateClient.class, this::newClient);
    this.stubs = perClass ? extension.perClass() : extension;
  }

  /**
   * A stub per test with the defaults, to configure further and register with
   * {@code @RegisterExtension}.
   *
   * @return the extension
   */
  public static ReplicateStubExtension create() {
    return new ReplicateStubExtension();
  }

  /**
   * A client builder for a running stub: its base URL and key, {@link #TEST_POLLING_POLICY} and
   * {@link #TEST_RETRY_POLICY}; for a stub that speaks https, {@link StubRelay#httpClient()}, which
   * trusts its certificate. The caller closes what it builds.
   *
   * @param stub a started stub
   * @return a new builder, to adjust further
   */
  public static ReplicateClientBuilder clientBuilder(StubRelay stub) {
    Objects.requireNonNull(stub, "stub");
    ReplicateClientBuilder builder = ReplicateClient.builder();
    if (stub.baseUrl().startsWith("https:")) {
      // Downloads derive from this client too, so they trust the stub's files as well.
      builder.okHttpClient(stub.httpClient());
    }
    return builder
        .baseUrl(stub.baseUrl())
        .apiKey(stub.apiKey())
        .pollingPolicy(TEST_POLLING_POLICY)
        .retryPolicy(TEST_RETRY_POLICY)
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(10))
        .callTimeout(Duration.ofMinutes(1));
  }

  /**
   * Adds configuration applied to every stub this extension starts, after the defaults.
   *
   * @param configuration changes to the stub builder
   * @return a new extension with the configuration added
   */
  public ReplicateStubExtension configureStub(Consumer<StubRelayBuilder> configuration) {
    Objects.requireNonNull(configuration, "configuration");
    return new ReplicateStubExtension(stubConfiguration.andThen(configuration),
        clientConfiguration, perClass);
  }

  /**
   * Adds configuration applied to every client this extension resolves, after
   * {@link #clientBuilder(StubRelay)}; for example another polling policy or read timeout.
   *
   * @param configuration changes to the client builder
   * @return a new extension with the configuration added
   */
  public ReplicateStubExtension configureClient(Consumer<ReplicateClientBuilder> configuration) {
    Objects.requireNonNull(configuration, "configuration");
    return new ReplicateStubExtension(stubConfiguration,
        clientConfiguration.andThen(configuration), perClass);
  }

  /**
   * One stub for all tests of the class and of its {@code @Nested} classes, started before
   * {@code @BeforeAll}; clients are still
   * made and closed per test (or per class for lifecycle methods). Register the extension in a
   * static field.
   *
   * @return a new extension that shares its stub across the class
   */
  public ReplicateStubExtension perClass() {
    return new ReplicateStubExtension(stubConfiguration, clientConfiguration, true);
  }

  private ReplicateClient newClient(StubRelay stub) {
    ReplicateClientBuilder builder = clientBuilder(stub);
    clientConfiguration.accept(builder);
    return builder.build();
  }

  /** Starts the class's stub when the extension is {@link #perClass()}. */
  @Override
  public void beforeAll(ExtensionContext context) {
    stubs.beforeAll(context);
  }

  /** Closes the clients made for lifecycle methods, then the class's stub. */
  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    stubs.afterAll(context);
  }

  /** Starts the test's stub unless the extension is {@link #perClass()}. */
  @Override
  public void beforeEach(ExtensionContext context) {
    stubs.beforeEach(context);
  }

  /** Closes the test's clients, then its own stub. */
  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    stubs.afterEach(context);
  }

  /** True for {@link StubRelay} and {@link ReplicateClient}. */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return stubs.supportsParameter(parameter, context);
  }

  /** The running stub, or a new client configured for it. */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return stubs.resolveParameter(parameter, context);
  }
}
