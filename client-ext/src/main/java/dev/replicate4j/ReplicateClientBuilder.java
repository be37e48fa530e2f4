package dev.replicate4j;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** Builds a {@link ReplicateClient}. */
public final class ReplicateClientBuilder {
  private String apiKey;
  private String baseUrl = ReplicateClient.DEFAULT_BASE_URL;
  private OkHttpClient okHttpClient;
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration readTimeout = Duration.ofSeconds(30);
  private Duration callTimeout = Duration.ofMinutes(3);
  private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
  private PollingPolicy pollingPolicy = PollingPolicy.DEFAULT;
  private CreateOptions runOptions = CreateOptions.SYNC;
  private ScheduledExecutorService scheduler;
  private Clock clock = Clock.systemUTC();
  private Sleeper sleeper = Sleeper.SYSTEM;
  private int maxConcurrentRequests = 16;
  private long maxResponseBytes = 64L << 20;
  private Ticker ticker;
  private DoubleSupplier random = () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble();
  private Function<String, String> environment = System::getenv;
  private boolean allowLinkLocalDownloads;
  private List<String> downloadHosts = List.of();

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
   * @param timeout 1 ms to {@code Integer.MAX_VALUE} milliseconds
   * @return this builder
   */
  public ReplicateClientBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = Durations.timeout("connectTimeout", timeout);
    return this;
  }

  /**
   * Read timeout (default 30 s). A sync-mode request ({@code Prefer: wait=N}) reads for at least
   * {@code N} + 10 seconds, whatever this says; a run's deadline still bounds it.
   *
   * @param timeout 1 ms to {@code Integer.MAX_VALUE} milliseconds
   * @return this builder
   */
  public ReplicateClientBuilder readTimeout(Duration timeout) {
    this.readTimeout = Durations.timeout("readTimeout", timeout);
    return this;
  }

  /**
   * Overall time for one call, retries included (default 3 minutes): a retry whose delay would end
   * past it is not waited for, and the last answer or failure is reported at once.
   *
   * @param timeout 1 ms to {@code Integer.MAX_VALUE} milliseconds
   * @return this builder
   */
  public ReplicateClientBuilder callTimeout(Duration timeout) {
    this.callTimeout = Durations.timeout("callTimeout", timeout);
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
   * What runs send with their create unless a call gives its own options (default
   * {@link CreateOptions#SYNC}: sync mode for up to 60 s); {@link CreateOptions#NONE} makes runs
   * poll from the start. Async runs leave sync mode out.
   *
   * @param runOptions the options
   * @return this builder
   */
  public ReplicateClientBuilder runOptions(CreateOptions runOptions) {
    this.runOptions = Objects.requireNonNull(runOptions, "runOptions");
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
  ReplicateClientBuilder clock(Clock clock) {
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
  ReplicateClientBuilder sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    return this;
  }

  /**
   * The largest API answer the client reads (default 64 MiB; a gzip answer counts as inflated).
   * A prediction bigger than that (say, with outputs inlined as data URIs beyond it), or an answer
   * that never ends, fails the call with a {@link ConnectionException} naming the limit, instead of
   * growing memory without bound; it is not retried. Output downloads ({@code downloadTo}, {@code openStream}) are not limited by it.
   *
   * @param bytes at least 1024
   * @return this builder
   */
  public ReplicateClientBuilder maxResponseBytes(long bytes) {
    if (bytes < 1024) {
      throw new IllegalArgumentException("maxResponseBytes must be at least 1024, was " + bytes);
    }
    this.maxResponseBytes = bytes;
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

  /**
   * Whether output downloads may reach link-local addresses (169.254.0.0/16, fe80::/10) and
   * cloud metadata names such as {@code metadata.google.internal} (default false). Such a link
   * fails with {@link DownloadRefusedException}; the check applies to the addresses a name
   * resolves to, and to redirects.
   *
   * @param allow true to let downloads reach them
   * @return this builder
   */
  public ReplicateClientBuilder allowLinkLocalDownloads(boolean allow) {
    this.allowLinkLocalDownloads = allow;
    return this;
  }

  /**
   * The only hosts output files may be downloaded from (default: any host). A name matches
   * exactly, ignoring case; {@code *.example.com} matches any subdomain of example.com. A link
   * elsewhere, or a redirect elsewhere, fails with {@link DownloadRefusedException}.
   *
   * @param hosts host names, at least one
   * @return this builder
   */
  public ReplicateClientBuilder downloadHosts(String... hosts) {
    if (hosts.length == 0) {
      throw new IllegalArgumentException("downloadHosts needs at least one host");
    }
    List<String> names = new ArrayList<>();
    for (String host : hosts) {
      String name = host == null ? "" : host.trim().toLowerCase(Locale.ROOT);
      if (name.startsWith("[") && name.endsWith("]")) {
        // An IPv6 literal, which a URL's host gives without brackets.
        name = name.substring(1, name.length() - 1);
      } else if (name.chars().filter(c -> c == ':').count() == 1) {
        name = ""; // host:port
      }
      if (name.isEmpty() || name.contains("/")) {
        throw new IllegalArgumentException("Not a host name (no scheme, port or path): '"
            + host + "'");
      }
      names.add(name);
    }
    this.downloadHosts = List.copyOf(names);
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
    return new ReplicateClient(config());
  }

  /** The configuration as set so far, copied: later changes to this builder do not reach it. */
  ClientConfig config() {
    return new ClientConfig(apiKey, BaseUrls.parse(baseUrl), okHttpClient, connectTimeout,
        readTimeout, callTimeout, retryPolicy, pollingPolicy, runOptions, scheduler, clock, sleeper,
        maxConcurrentRequests, maxResponseBytes, ticker, random, allowLinkLocalDownloads,
        downloadHosts);
  }

  @Override
  public String toString() {
    HttpUrl parsed = HttpUrl.parse(baseUrl.trim());
    return "ReplicateClientBuilder{baseUrl="
        + (parsed == null ? "<not a URL>" : BaseUrls.redacted(parsed)) + ", apiKey="
        + (apiKey == null ? "unset" : "<redacted>") + "}";
  }
}
