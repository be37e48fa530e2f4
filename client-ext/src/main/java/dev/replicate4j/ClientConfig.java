package dev.replicate4j;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.DoubleSupplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * A client's configuration, taken from its builder once by {@link ReplicateClientBuilder#build()}:
 * what the client and its {@link Transport} read, never the builder itself.
 *
 * @param okHttpClient the caller's OkHttp client, or null for one of the client's own
 * @param scheduler the caller's scheduler, or null for one of the client's own
 * @param maxResponseBytes the largest API answer read, in bytes
 * @param ticker a scheduler stand-in for tests, or null
 */
record ClientConfig(String apiKey, HttpUrl baseUrl, OkHttpClient okHttpClient,
    Duration connectTimeout, Duration readTimeout, Duration callTimeout, RetryPolicy retryPolicy,
    PollingPolicy pollingPolicy, CreateOptions runOptions, ScheduledExecutorService scheduler,
    Clock clock, Sleeper sleeper, int maxConcurrentRequests, long maxResponseBytes, Ticker ticker,
    DoubleSupplier random, boolean allowLinkLocalDownloads, List<String> downloadHosts) {

  @Override
  public String toString() {
    return "ClientConfig{baseUrl=" + BaseUrls.redacted(baseUrl) + ", apiKey=<redacted>}";
  }
}
