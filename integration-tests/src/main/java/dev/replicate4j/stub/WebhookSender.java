package dev.replicate4j.stub;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers signed webhooks one at a time, in the order the events happened, retrying a failed
 * attempt with the same {@code webhook-id} and a fresh timestamp and signature.
 */
final class WebhookSender implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
  private static final MediaType JSON = MediaType.get("application/json");

  private final WebhookSigner signer;
  private final Journal journal;
  private final int attempts;
  private final Duration backoff;
  private final OkHttpClient http;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "stub-relay-webhooks");
    thread.setDaemon(true);
    return thread;
  });

  WebhookSender(WebhookSigner signer, Journal journal, int attempts, Duration backoff) {
    this.signer = signer;
    this.journal = journal;
    this.attempts = attempts;
    this.backoff = backoff;
    this.http = new OkHttpClient.Builder()
        .callTimeout(Duration.ofSeconds(10))
        .followRedirects(false)
        .build();
  }

  /** Queues one event; returns at once. */
  void send(String url, String event, String predictionId, String body) {
    String webhookId = "msg_" + Texts.randomId(24);
    try {
      worker.execute(() -> deliver(url, event, predictionId, body, webhookId));
    } catch (RejectedExecutionException e) {
      log.debug("Stub relay closed; {} webhook for {} not sent", event, predictionId);
    }
  }

  private void deliver(String url, String event, String predictionId, String body, String webhookId) {
    for (int attempt = 1; attempt <= attempts; attempt++) {
      long timestamp = Instant.now().getEpochSecond();
      String signature = signer.sign(webhookId, timestamp, body);
      Request request = new Request.Builder()
          .url(url)
          .header("webhook-id", webhookId)
          .header("webhook-timestamp", String.valueOf(timestamp))
          .header("webhook-signature", signature)
          .header("User-Agent", "replicate4j-stub-relay")
          .post(RequestBody.create(body, JSON))
          .build();
      int code = 0;
      String failure = null;
      try (Response response = http.newCall(request).execute()) {
        code = response.code();
      } catch (IOException e) {
        failure = e.toString();
      }
      WebhookDelivery delivery = new WebhookDelivery(predictionId, event, url, webhookId,
          timestamp, signature, body, attempt, code, failure, Instant.now());
      journal.record(delivery);
      if (delivery.delivered()) {
        return;
      }
      log.debug("Webhook {} ({} for {}) attempt {} failed: {}", webhookId, event, predictionId,
          attempt, failure != null ? failure : "HTTP " + code);
      if (attempt < attempts && !sleep(backoff.multipliedBy(attempt))) {
        return;
      }
    }
    log.warn("Gave up delivering webhook {} ({} for {}) to {} after {} attempts", webhookId, event,
        predictionId, url, attempts);
  }

  private static boolean sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
    try {
      worker.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
