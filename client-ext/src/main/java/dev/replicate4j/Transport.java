package dev.replicate4j;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The HTTP clients and the poll scheduler of one {@link ReplicateClient}, and which of them it owns.
 *
 * <p>The API client carries the SDK's interceptors (retries, sync-mode timeouts, logging; and, per
 * network hop, the User-Agent and the host-scoped bearer token), for synchronous calls, which sleep
 * between retries on the caller's thread. The async client is the same without the retries: an
 * asynchronous call must not sleep on an HTTP thread, so {@link ApiCalls} schedules its retries
 * and a waiter retries between its polls. The download client shares their pool and threads but
 * has no token at all: output files live on other hosts.
 *
 * <p>A connection pool the client makes keeps idle connections for {@link #KEEP_ALIVE} only, below
 * the 5 s after which common servers (Node.js, Apache httpd) close idle keep-alive connections:
 * a connection the server has closed is then rarely picked, and a create about to use one is
 * checked first ({@link StaleConnectionCheck}).
 */
final class Transport implements AutoCloseable {
  /** How long the client's own pool keeps an idle connection. */
  static final Duration KEEP_ALIVE = Duration.ofSeconds(4);

  private final OkHttpClient apiClient;
  private final OkHttpClient asyncClient;
  private final OkHttpClient downloadClient;
  private final CallDeadlines deadlines;
  private final Ticker ticker;
  private final ScheduledExecutorService ownedScheduler;
  private final OkHttpClient ownedHttp;

  private Transport(OkHttpClient apiClient, OkHttpClient asyncClient, OkHttpClient downloadClient,
      CallDeadlines deadlines, Ticker ticker, ScheduledExecutorService ownedScheduler,
      OkHttpClient ownedHttp) {
    this.apiClient = apiClient;
    this.asyncClient = asyncClient;
    this.downloadClient = downloadClient;
    this.deadlines = deadlines;
    this.ticker = ticker;
    this.ownedScheduler = ownedScheduler;
    this.ownedHttp = ownedHttp;
  }

  static Transport create(ClientConfig config) {
    OkHttpClient ownedHttp = null;
    OkHttpClient base = config.okHttpClient();
    if (base == null) {
      ownedHttp = new OkHttpClient.Builder()
          .dispatcher(ownDispatcher(config.maxConcurrentRequests()))
          // Connect on the thread making the call. With fast fallback OkHttp races connection
          // attempts on its own shared threads, one more thread per connection being opened,
          // which maxConcurrentRequests could not bound.
          .fastFallback(false)
          .connectionPool(new ConnectionPool(5, KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS))
          .build();
      base = ownedHttp;
    }
    OkHttpClient common = base.newBuilder()
        .connectTimeout(config.connectTimeout())
        .readTimeout(config.readTimeout())
        .writeTimeout(config.readTimeout())
        .callTimeout(config.callTimeout())
        // OkHttp would silently re-send a POST after some failures; retries are ours to decide.
        .retryOnConnectionFailure(false)
        .addInterceptor(RetryAfterShield.restore())
        .addNetworkInterceptor(RetryAfterShield.hide())
        .addNetworkInterceptor(new ContentLengthCheck())
        .build();
    CallDeadlines deadlines = new CallDeadlines();
    OkHttpClient asyncClient = common.newBuilder()
        // API calls are bounded by deadlines, which cost no thread wakeup per call.
        .callTimeout(Duration.ZERO)
        .addInterceptor(SendTracker.tagger())
        .addInterceptor(new PreferWaitTimeout())
        .addInterceptor(new RequestLogger())
        .addInterceptor(ResponseSizeLimit.inflated(config.maxResponseBytes()))
        .addNetworkInterceptor(new StaleConnectionCheck())
        .addNetworkInterceptor(new ResponseSizeLimit(config.maxResponseBytes()))
        .addNetworkInterceptor(SendTracker.marker(config.clock()))
        .addNetworkInterceptor(HopHeaders.forApi(config.baseUrl(), config.apiKey()))
        .build();
    // The sync client is the async one with retries first, around everything else.
    OkHttpClient.Builder sync = asyncClient.newBuilder();
    sync.interceptors().add(0, new RetryInterceptor(config.retryPolicy(), config.sleeper(),
        config.clock(), config.random(), deadlines));
    OkHttpClient apiClient = sync.build();
    DownloadGuard guard = new DownloadGuard(base.dns(), config.allowLinkLocalDownloads(),
        config.downloadHosts());
    OkHttpClient downloadClient = common.newBuilder()
        .dns(guard)
        .addInterceptor(guard)
        .addNetworkInterceptor(guard)
        .addInterceptor(new RequestLogger())
        .addNetworkInterceptor(HopHeaders.withoutToken())
        .retryOnConnectionFailure(true)
        .build();
    ScheduledExecutorService ownedScheduler = null;
    Ticker ticker = config.ticker();
    if (ticker == null) {
      ScheduledExecutorService scheduler = config.scheduler();
      if (scheduler == null) {
        ownedScheduler = Executors.newSingleThreadScheduledExecutor(daemon("replicate4j-poll"));
        scheduler = ownedScheduler;
      }
      ticker = Ticker.of(scheduler);
    }
    return new Transport(apiClient, asyncClient, downloadClient, deadlines, ticker, ownedScheduler,
        ownedHttp);
  }

  OkHttpClient apiClient() {
    return apiClient;
  }

  /** The API client without retries, for asynchronous calls. */
  OkHttpClient asyncClient() {
    return asyncClient;
  }

  OkHttpClient downloadClient() {
    return downloadClient;
  }

  /** What bounds the API clients' calls in time (they have no OkHttp call timeout). */
  CallDeadlines deadlines() {
    return deadlines;
  }

  Ticker ticker() {
    return ticker;
  }

  @Override
  public void close() {
    if (ownedScheduler != null) {
      ownedScheduler.shutdownNow();
    }
    if (ownedHttp != null) {
      ownedHttp.dispatcher().cancelAll();
      ownedHttp.dispatcher().executorService().shutdown();
      ownedHttp.connectionPool().evictAll();
    }
  }

  private static Dispatcher ownDispatcher(int maxRequests) {
    // At most maxRequests threads, created on demand; idle ones die after 30 s. The pool itself
    // must be bounded: a finishing call starts the next one before its thread is free, so a pool
    // that only relies on the dispatcher's limit grows past it.
    ThreadPoolExecutor executor = new ThreadPoolExecutor(maxRequests, maxRequests, 30,
        TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemon("replicate4j-http"));
    executor.allowCoreThreadTimeOut(true);
    Dispatcher dispatcher = new Dispatcher(executor);
    dispatcher.setMaxRequests(maxRequests);
    dispatcher.setMaxRequestsPerHost(maxRequests);
    return dispatcher;
  }

  static ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
