package dev.replicate4j;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** Builds a {@link ReplicateClient}. */
public final class ReplicateClientBuilder {
  String apiKey;
  String baseUrl = ReplicateClient.DEFAULT_BASE_URL;
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

  ReplicateClientBuilder() {}

  /**
   * The API key, sent as a bearer token to the configured host only.
   *
   * @param apiKey the key
   * @return this builder
   */
  public ReplicateClientBuilder apiKey(String apiKey) {
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException("apiKey must not be empty");
    }
    this.apiKey = apiKey.trim();
    return this;
  }

  /**
   * Reads {@value ReplicateClient#API_KEY_ENV} and, when set,
   * {@value ReplicateClient#BASE_URL_ENV}. Never reads {@code REPLICATE_API_TOKEN}: a Replicate
   * token must not reach the relay by accident.
   *
   * @return this builder
   */
  public ReplicateClientBuilder fromEnv() {
    String key = environment.apply(ReplicateClient.API_KEY_ENV);
    if (key != null && !key.isBlank()) {
      apiKey(key);
    }
    String url = environment.apply(ReplicateClient.BASE_URL_ENV);
    if (url != null && !url.isBlank()) {
      baseUrl(url);
    }
    return this;
  }

  /**
   * The server's base URL (default {@value ReplicateClient#DEFAULT_BASE_URL}). Plain http only
   * for loopback.
   *
   * @param baseUrl an http(s) URL without query or fragment
   * @return this builder
   */
  public ReplicateClientBuilder baseUrl(String baseUrl) {
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
  public ReplicateClientBuilder okHttpClient(OkHttpClient okHttpClient) {
    this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient");
    return this;
  }

  /**
   * Connect timeout (default 10 s).
   *
   * @param timeout a positive duration
   * @return this builder
   */
  public ReplicateClientBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = Durations.positive("connectTimeout", timeout);
    return this;
  }

  /**
   * Read timeout (default 30 s). A sync-mode request ({@code Prefer: wait=N}) reads for at least
   * {@code N} + 10 seconds, whatever this says.
   *
   * @param timeout a positive duration
   * @return this builder
   */
  public ReplicateClientBuilder readTimeout(Duration timeout) {
    this.readTimeout = Durations.positive("readTimeout", timeout);
    return this;
  }

  /**
   * Overall time for one call, retries included (default 3 minutes).
   *
   * @param timeout a positive duration
   * @return this builder
   */
  public ReplicateClientBuilder callTimeout(Duration timeout) {
    this.callTimeout = Durations.positive("callTimeout", timeout);
    return this;
  }

  /**
   * How failed requests are retried (default {@link RetryPolicy#DEFAULT}).
   *
   * @param retryPolicy the policy
   * @return this builder
   */
  public ReplicateClientBuilder retryPolicy(RetryPolicy retryPolicy) {
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
    return this;
  }

  /**
   * How runs and waits poll (default {@link PollingPolicy#DEFAULT}).
   *
   * @param pollingPolicy the policy
   * @return this builder
   */
  public ReplicateClientBuilder pollingPolicy(PollingPolicy pollingPolicy) {
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
  public ReplicateClientBuilder scheduler(ScheduledExecutorService scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    return this;
  }

  /**
   * The clock for deadlines and HTTP-date Retry-After values (default system UTC).
   *
   * @param clock the clock
   * @return this builder
   */
  public ReplicateClientBuilder clock(Clock clock) {
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
  public ReplicateClientBuilder sleeper(Sleeper sleeper) {
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
  public ReplicateClientBuilder maxConcurrentRequests(int max) {
    if (max < 1 || max > 256) {
      throw new IllegalArgumentException("maxConcurrentRequests must be in 1..256, was " + max);
    }
    this.maxConcurrentRequests = max;
    return this;
  }

  ReplicateClientBuilder ticker(Ticker ticker) {
    this.ticker = ticker;
    return this;
  }

  ReplicateClientBuilder random(DoubleSupplier random) {
    this.random = random;
    return this;
  }

  ReplicateClientBuilder environment(Function<String, String> environment) {
    this.environment = environment;
    return this;
  }

  /**
   * Builds the client.
   *
   * @return the client
   * @throws IllegalStateException if no API key was given
   * @throws IllegalArgumentException if the base URL is not acceptable
   * @throws ReplicateException if the OkHttp or Okio on the classpath is not one the SDK runs on
   *     (another BOM managed OkHttp 4, say): the message names what was found and how to fix it
   */
  public ReplicateClient build() {
    ClasspathCheck.verify();
    if (apiKey == null) {
      throw new IllegalStateException("No API key: set the " + ReplicateClient.API_KEY_ENV
          + " environment variable (and use ReplicateClient.fromEnv()), or call"
          + " ReplicateClient.builder().apiKey(...)");
    }
    return new ReplicateClient(this, BaseUrls.parse(baseUrl));
  }

  @Override
  public String toString() {
    HttpUrl parsed = HttpUrl.parse(baseUrl.trim());
    return "ReplicateClientBuilder{baseUrl="
        + (parsed == null ? "<not a URL>" : BaseUrls.redacted(parsed)) + ", apiKey="
        + (apiKey == null ? "unset" : "<redacted>") + "}";
  }
}
