package dev.replicate4j;

import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The HTTP clients and the poll scheduler of one {@link ReplicateClient}, and which of them it owns.
 *
 * <p>The API client carries the SDK's interceptors (retries, sync-mode timeouts, logging; and, per
 * network hop, the User-Agent and the host-scoped bearer token). The poll client is the same
 * without retries and sync-mode timeouts, for waiters, which retry between polls themselves. The
 * download client shares their pool and threads but has no token at all: output files live on
 * other hosts.
 */
final class Transport implements AutoCloseable {
  private final OkHttpClient apiClient;
  private final OkHttpClient pollClient;
  private final OkHttpClient downloadClient;
  private final Ticker ticker;
  private final ScheduledExecutorService ownedScheduler;
  private final OkHttpClient ownedHttp;

  private Transport(OkHttpClient apiClient, OkHttpClient pollClient, OkHttpClient downloadClient,
      Ticker ticker, ScheduledExecutorService ownedScheduler, OkHttpClient ownedHttp) {
    this.apiClient = apiClient;
    this.pollClient = pollClient;
    this.downloadClient = downloadClient;
    this.ticker = ticker;
    this.ownedScheduler = ownedScheduler;
    this.ownedHttp = ownedHttp;
  }

  static Transport create(ReplicateClientBuilder b, HttpUrl baseUrl) {
    OkHttpClient ownedHttp = null;
    OkHttpClient base = b.okHttpClient;
    if (base == null) {
      ownedHttp = new OkHttpClient.Builder().dispatcher(ownDispatcher(b.maxConcurrentRequests))
          // Connect on the thread making the call. With fast fallback OkHttp races connection
          // attempts on its own shared threads, one more thread per connection being opened,
          // which maxConcurrentRequests could not bound.
          .fastFallback(false)
          .build();
      base = ownedHttp;
    }
    OkHttpClient.Builder common = base.newBuilder()
        .connectTimeout(b.connectTimeout)
        .readTimeout(b.readTimeout)
        .writeTimeout(b.readTimeout)
        .callTimeout(b.callTimeout)
        // OkHttp would silently re-send a POST after some failures; retries are ours to decide.
        .retryOnConnectionFailure(false);
    OkHttpClient apiClient = common.build().newBuilder()
        .addInterceptor(new RetryInterceptor(b.retryPolicy, b.sleeper, b.clock, b.random))
        .addInterceptor(new PreferWaitTimeout())
        .addInterceptor(new RequestLogger())
        .addNetworkInterceptor(SendTracker.marker(b.clock))
        .addNetworkInterceptor(HopHeaders.forApi(baseUrl, b.apiKey))
        .build();
    // A waiter's polls are retried by the waiter, between polls and within its deadline; retried
    // here as well, each failure would hold an HTTP thread asleep and be retried twice.
    OkHttpClient pollClient = common.build().newBuilder()
        .addInterceptor(new RequestLogger())
        .addNetworkInterceptor(HopHeaders.forApi(baseUrl, b.apiKey))
        .build();
    DownloadGuard guard =
        new DownloadGuard(base.dns(), b.allowLinkLocalDownloads, b.downloadHosts);
    OkHttpClient downloadClient = common.build().newBuilder()
        .dns(guard)
        .addInterceptor(guard)
        .addNetworkInterceptor(guard)
        .addInterceptor(new RequestLogger())
        .addNetworkInterceptor(HopHeaders.withoutToken())
        .retryOnConnectionFailure(true)
        .build();
    ScheduledExecutorService ownedScheduler = null;
    Ticker ticker = b.ticker;
    if (ticker == null) {
      ScheduledExecutorService scheduler = b.scheduler;
      if (scheduler == null) {
        ownedScheduler = Executors.newSingleThreadScheduledExecutor(daemon("replicate4j-poll"));
        scheduler = ownedScheduler;
      }
      ticker = Ticker.of(scheduler);
    }
    return new Transport(apiClient, pollClient, downloadClient, ticker, ownedScheduler, ownedHttp);
  }

  OkHttpClient apiClient() {
    return apiClient;
  }

  /** The API client without retries, for a waiter's polls. */
  OkHttpClient pollClient() {
    return pollClient;
  }

  OkHttpClient downloadClient() {
    return downloadClient;
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
