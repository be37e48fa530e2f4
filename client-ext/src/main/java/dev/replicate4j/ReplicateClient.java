package dev.replicate4j;

import dev.replicate4j.generated.api.PredictionsApi;
import dev.replicate4j.generated.model.PredictionRequest;
import dev.replicate4j.generated.model.WebhookEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The entry point: creates, reads, waits for and cancels predictions on ChainHub's relay (or any
 * server with Replicate's predictions API).
 *
 * <pre>{@code
 * try (ReplicateClient client = ReplicateClient.fromEnv()) {
 *   FileOutputs images = client.run(Models.SDXL, SdxlInput.builder().prompt("a lighthouse").build());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe; share one per application. {@link #close()} releases only what the
 * client created itself (not an {@link OkHttpClient} or scheduler you passed in).
 */
public final class ReplicateClient implements AutoCloseable {
  /** The relay's address, used when no base URL is configured. */
  public static final String DEFAULT_BASE_URL = "https://api.chainhub.tech";
  /** The environment variable holding the API key. */
  public static final String API_KEY_ENV = "CHAINHUB_API_KEY";
  /** The environment variable that overrides the base URL. */
  public static final String BASE_URL_ENV = "CHAINHUB_BASE_URL";

  private final HttpUrl baseUrl;
  private final Transport transport;
  private final ApiCalls calls;
  private final PollingPolicy pollingPolicy;
  private final Clock clock;
  private final DoubleSupplier random;
  private final Waiter.Source waiterSource;

  private ReplicateClient(Builder b, HttpUrl baseUrl) {
    this.baseUrl = baseUrl;
    this.clock = b.clock;
    this.random = b.random;
    this.pollingPolicy = b.pollingPolicy;
    this.transport = Transport.create(b, baseUrl);
    PredictionsApi api = new Retrofit.Builder()
        .baseUrl(baseUrl)
        .client(transport.apiClient())
        .addConverterFactory(MoshiConverterFactory.create(JsonCodec.MOSHI))
        .build()
        .create(PredictionsApi.class);
    this.calls = new ApiCalls(api, new ErrorMapper(clock));
    this.waiterSource = new Waiter.Source() {
      @Override
      public CompletableFuture<Prediction> get(String id) {
        return calls.getAsync(id);
      }

      @Override
      public CompletableFuture<Prediction> cancel(String id) {
        return calls.cancelAsync(id);
      }
    };
  }

  /**
   * A builder; set at least the API key (or call {@link Builder#fromEnv()}).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A client configured from {@value #API_KEY_ENV} and, if set, {@value #BASE_URL_ENV}.
   *
   * @return the client
   * @throws IllegalStateException if {@value #API_KEY_ENV} is not set
   */
  public static ReplicateClient fromEnv() {
    return builder().fromEnv().build();
  }

  /**
   * Creates a prediction and returns at once (no sync mode unless the options ask for it).
   *
   * @param version {@code <64-hex>}, {@code owner/name:<64-hex>} or {@code owner/name}
   * @param input the model's input as JSON-ready values
   * @return a handle on the new prediction; its output is the raw JSON output
   */
  public PredictionHandle<Object> create(String version, Map<String, Object> input) {
    return create(version, input, CreateOptions.NONE);
  }

  /**
   * Creates a prediction with options (webhook, server-side deadline, sync mode).
   *
   * @param version {@code <64-hex>}, {@code owner/name:<64-hex>} or {@code owner/name}
   * @param input the model's input as JSON-ready values
   * @param options the options
   * @return a handle on the new prediction; its output is the raw JSON output
   */
  public PredictionHandle<Object> create(String version, Map<String, Object> input,
      CreateOptions options) {
    return createHandle(request(VersionRef.parse(version), input, options), options,
        Prediction::output);
  }

  /**
   * Runs a prediction to the end: creates it in sync mode, polls if it is not finished on return,
   * and returns its raw output. The remote prediction is canceled if the policy's deadline passes.
   *
   * @param version {@code <64-hex>}, {@code owner/name:<64-hex>} or {@code owner/name}
   * @param input the model's input as JSON-ready values
   * @return the raw JSON output
   * @throws PredictionException if the prediction failed, was canceled or aborted
   * @throws PredictionTimeoutException if the deadline passed first
   */
  public Object run(String version, Map<String, Object> input) {
    return run(request(VersionRef.parse(version), input, CreateOptions.NONE), pollingPolicy,
        Prediction::output);
  }

  /**
   * Reads a prediction's current state.
   *
   * @param id the prediction's id
   * @return the prediction
   */
  public Prediction get(String id) {
    return calls.get(requireId(id));
  }

  /**
   * Asks the server to cancel a prediction.
   *
   * @param id the prediction's id
   * @return the prediction as the server answered
   * @throws CancelNotSupportedException if the server does not offer cancelling
   */
  public Prediction cancel(String id) {
    return calls.cancel(requireId(id));
  }

  /**
   * A handle on an existing prediction, from its id alone (no request is made).
   *
   * @param id the prediction's id
   * @return the handle; its output is the raw JSON output
   */
  public PredictionHandle<Object> resume(String id) {
    return new PredictionHandle<>(requireId(id), null, this, Prediction::output);
  }

  /**
   * The base URL every request is built from.
   *
   * @return the base URL, ending in a slash
   */
  public String baseUrl() {
    return baseUrl.toString();
  }

  /**
   * The polling policy used by runs and by handle waits without an explicit policy.
   *
   * @return the policy
   */
  public PollingPolicy pollingPolicy() {
    return pollingPolicy;
  }

  /** Stops what the client owns: its scheduler, and its HTTP threads and connections if it made them. */
  @Override
  public void close() {
    transport.close();
  }

  @Override
  public String toString() {
    return "ReplicateClient{baseUrl=" + baseUrl + ", apiKey=<redacted>}";
  }

  // --- package-private plumbing shared with PredictionHandle and the typed-model methods ---

  ApiCalls calls() {
    return calls;
  }

  Transport transport() {
    return transport;
  }

  <O> PredictionHandle<O> createHandle(PredictionRequest request, CreateOptions options,
      Function<Prediction, O> outputReader) {
    Prediction created = calls.create(request, options.preferHeader(), options.cancelAfterHeader());
    PredictionHandle<O> handle = new PredictionHandle<>(created.id(), null, this, outputReader);
    handle.seen(created);
    return handle;
  }

  <O> O run(PredictionRequest request, PollingPolicy policy, Function<Prediction, O> outputReader) {
    java.time.Instant deadlineAt = clock.instant().plus(policy.deadline());
    PredictionHandle<O> handle = createHandle(request, runOptions(policy), outputReader);
    Waiter waiter = newWaiter(handle, p -> p.status().isTerminal(), policy, deadlineAt);
    return handle.outputOf(PredictionHandle.join(waiter.start(handle.latest(), false), waiter));
  }

  <O> CompletableFuture<O> runAsync(PredictionRequest request, PollingPolicy policy,
      Function<Prediction, O> outputReader) {
    java.time.Instant deadlineAt = clock.instant().plus(policy.deadline());
    // Async runs poll instead of holding a connection per prediction in sync mode.
    CreateOptions options = runOptions(policy).toBuilder().preferWaitSeconds(null).build();
    CompletableFuture<O> result = new CompletableFuture<>();
    CompletableFuture<Prediction> created =
        calls.createAsync(request, options.preferHeader(), options.cancelAfterHeader());
    created.whenComplete((p, error) -> {
      if (error != null) {
        result.completeExceptionally(Waiter.unwrap(error));
        return;
      }
      PredictionHandle<O> handle = new PredictionHandle<>(p.id(), null, this, outputReader);
      handle.seen(p);
      CompletableFuture<Prediction> terminal =
          newWaiter(handle, q -> q.status().isTerminal(), policy, deadlineAt).start(p, true);
      result.whenComplete((o, t) -> {
        if (result.isCancelled()) {
          terminal.cancel(false);
        }
      });
      terminal.whenComplete((q, waitError) -> {
        if (waitError != null) {
          result.completeExceptionally(Waiter.unwrap(waitError));
          return;
        }
        try {
          result.complete(handle.outputOf(q));
        } catch (RuntimeException e) {
          result.completeExceptionally(e);
        }
      });
    });
    result.whenComplete((o, t) -> {
      if (result.isCancelled()) {
        created.cancel(false);
      }
    });
    return result;
  }

  Waiter newWaiter(PredictionHandle<?> handle, Predicate<Prediction> done, PollingPolicy policy) {
    return newWaiter(handle, done, policy, clock.instant().plus(policy.deadline()));
  }

  private Waiter newWaiter(PredictionHandle<?> handle, Predicate<Prediction> done,
      PollingPolicy policy, java.time.Instant deadlineAt) {
    return new Waiter(handle.id(), done, policy, deadlineAt, waiterSource, transport.ticker(),
        clock, random, handle::seen);
  }

  static PredictionRequest request(VersionRef version, Map<String, Object> input,
      CreateOptions options) {
    Objects.requireNonNull(input, "input");
    PredictionRequest request = new PredictionRequest().version(version.wireValue())
        .input(new java.util.LinkedHashMap<>(input));
    options.webhook().ifPresent(request::webhook);
    options.webhookEvents().ifPresent(events -> request.webhookEventsFilter(events.stream()
        .map(e -> WebhookEvent.fromValue(e.wireValue()))
        .collect(Collectors.toList())));
    return request;
  }

  private static CreateOptions runOptions(PollingPolicy policy) {
    return CreateOptions.builder().preferWaitSeconds(policy.preferWaitSeconds().orElse(null))
        .cancelAfter(policy.cancelAfter().orElse(null)).build();
  }

  private static String requireId(String id) {
    if (id == null || id.isBlank() || id.contains("/")) {
      throw new IllegalArgumentException("Not a prediction id: '" + id + "'");
    }
    return id;
  }

  /** Builds a {@link ReplicateClient}. */
  public static final class Builder {
    String apiKey;
    String baseUrl = DEFAULT_BASE_URL;
    OkHttpClient okHttpClient;
    Duration connectTimeout = Duration.ofSeconds(10);
    Duration readTimeout = Duration.ofSeconds(30);
    Duration callTimeout = Duration.ofMinutes(3);
    RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    PollingPolicy pollingPolicy = PollingPolicy.DEFAULT;
    ScheduledExecutorService scheduler;
    Clock clock = Clock.systemUTC();
    Sleeper sleeper = Sleeper.SYSTEM;
    int maxConcurrentRequests = 16;
    Ticker ticker;
    DoubleSupplier random = () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble();
    Function<String, String> environment = System::getenv;

    private Builder() {}

    /**
     * The API key, sent as a bearer token to the configured host only.
     *
     * @param apiKey the key
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      if (apiKey == null || apiKey.isBlank()) {
        throw new IllegalArgumentException("apiKey must not be empty");
      }
      this.apiKey = apiKey.trim();
      return this;
    }

    /**
     * Reads {@value #API_KEY_ENV} and, when set, {@value #BASE_URL_ENV}. Never reads
     * {@code REPLICATE_API_TOKEN}: a Replicate token must not reach the relay by accident.
     *
     * @return this builder
     */
    public Builder fromEnv() {
      String key = environment.apply(API_KEY_ENV);
      if (key != null && !key.isBlank()) {
        apiKey(key);
      }
      String url = environment.apply(BASE_URL_ENV);
      if (url != null && !url.isBlank()) {
        baseUrl(url);
      }
      return this;
    }

    /**
     * The server's base URL (default {@value #DEFAULT_BASE_URL}). Plain http only for loopback.
     *
     * @param baseUrl an http(s) URL without query or fragment
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /**
     * An OkHttp client to share connection pools and threads with. The SDK adds its interceptors to
     * a derived client and never shuts this one down.
     *
     * @param okHttpClient the client
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient");
      return this;
    }

    /**
     * Connect timeout (default 10 s).
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive("connectTimeout", timeout);
      return this;
    }

    /**
     * Read timeout (default 30 s); sync-mode requests get {@code N} seconds more automatically.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive("readTimeout", timeout);
      return this;
    }

    /**
     * Overall time for one call, retries included (default 3 minutes).
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = positive("callTimeout", timeout);
      return this;
    }

    /**
     * How failed requests are retried (default {@link RetryPolicy#DEFAULT}).
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * How runs and waits poll (default {@link PollingPolicy#DEFAULT}).
     *
     * @param pollingPolicy the policy
     * @return this builder
     */
    public Builder pollingPolicy(PollingPolicy pollingPolicy) {
      this.pollingPolicy = Objects.requireNonNull(pollingPolicy, "pollingPolicy");
      return this;
    }

    /**
     * The scheduler that times polls (default: one daemon thread owned by the client). Not shut
     * down by {@link ReplicateClient#close()} when supplied here.
     *
     * @param scheduler the scheduler
     * @return this builder
     */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * The clock for deadlines and HTTP-date Retry-After values (default system UTC).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How the client sleeps between retries (default {@link Sleeper#SYSTEM}); tests pass one that
     * records instead of sleeping.
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Most requests in flight at once for async work, which bounds the client's HTTP threads
     * (default 16). Applies only when the client creates its own OkHttp client.
     *
     * @param max 1 to 256
     * @return this builder
     */
    public Builder maxConcurrentRequests(int max) {
      if (max < 1 || max > 256) {
        throw new IllegalArgumentException("maxConcurrentRequests must be in 1..256, was " + max);
      }
      this.maxConcurrentRequests = max;
      return this;
    }

    Builder ticker(Ticker ticker) {
      this.ticker = ticker;
      return this;
    }

    Builder random(DoubleSupplier random) {
      this.random = random;
      return this;
    }

    Builder environment(Function<String, String> environment) {
      this.environment = environment;
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws IllegalStateException if no API key was given
     * @throws IllegalArgumentException if the base URL is not acceptable
     */
    public ReplicateClient build() {
      if (apiKey == null) {
        throw new IllegalStateException("No API key: set the " + API_KEY_ENV
            + " environment variable (and use ReplicateClient.fromEnv()), or call"
            + " ReplicateClient.builder().apiKey(...)");
      }
      return new ReplicateClient(this, BaseUrls.parse(baseUrl));
    }

    @Override
    public String toString() {
      HttpUrl parsed = HttpUrl.parse(baseUrl.trim());
      return "ReplicateClient.Builder{baseUrl="
          + (parsed == null ? "<not a URL>" : BaseUrls.redacted(parsed)) + ", apiKey="
          + (apiKey == null ? "unset" : "<redacted>") + "}";
    }

    private static Duration positive(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
      return value;
    }
  }
}
