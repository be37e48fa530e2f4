package dev.replicate4j.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.replicate4j.Prediction;
import dev.replicate4j.webhooks.VerifiedWebhook;
import dev.replicate4j.webhooks.WebhookDeduplicator;
import dev.replicate4j.webhooks.WebhookVerificationException;
import dev.replicate4j.webhooks.WebhookVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The receiving example of the README, kept here so that it compiles and is tested against the
 * stub relay's signed deliveries: a webhook endpoint on the JDK's own HTTP server, no framework.
 * Verify, de-duplicate, hand off, answer.
 */
public final class WebhookReceiver {
  /** Room for a prediction with data URIs echoed in its input; bounds memory per request. */
  private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private final WebhookVerifier verifier;
  private final WebhookDeduplicator deduplicator;
  private final Executor work;
  private final Consumer<Prediction> onPrediction;

  public WebhookReceiver(WebhookVerifier verifier, WebhookDeduplicator deduplicator,
      Executor work, Consumer<Prediction> onPrediction) {
    this.verifier = verifier;
    this.deduplicator = deduplicator;
    this.work = work;
    this.onPrediction = onPrediction;
  }

  public static void main(String[] args) throws IOException {
    WebhookVerifier verifier = WebhookVerifier.builder()
        .secret(System.getenv("REPLICATE_WEBHOOK_SECRET")) // whsec_...
        .build();
    WebhookDeduplicator deduplicator = WebhookDeduplicator.builder().build();
    ExecutorService work = Executors.newFixedThreadPool(4);
    WebhookReceiver receiver = new WebhookReceiver(verifier, deduplicator, work,
        prediction -> System.out.println(prediction.id() + " is " + prediction.status()
            + (prediction.status().isTerminal() ? ": " + prediction.output() : "")));
    receiver.start(new InetSocketAddress(8080));
  }

  /** Starts serving {@code POST /webhooks/replicate}; stop the returned server to end. */
  public HttpServer start(InetSocketAddress address) throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    server.createContext("/webhooks/replicate", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.start();
    return server;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "POST");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      // 1. The raw bytes: the signature covers exactly these, so no parsing before verifying.
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_BODY_BYTES + 1);
      }
      if (body.length > MAX_BODY_BYTES) {
        exchange.sendResponseHeaders(413, -1);
        return;
      }
      // 2. Authentic and timely? Otherwise 400, and the body is ignored.
      VerifiedWebhook webhook;
      try {
        webhook = verifier.verify(exchange.getRequestHeaders(), body);
      } catch (WebhookVerificationException e) {
        System.err.println("Rejected a webhook: " + e.getMessage()); // never contains the secret
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      // 3. A retry of a delivery already accepted: acknowledge it, do not process it again.
      if (!deduplicator.firstDelivery(webhook.id())) {
        exchange.sendResponseHeaders(204, -1);
        return;
      }
      // 4. Hand the work off and answer at once: a slow answer makes the sender retry.
      try {
        work.execute(() -> onPrediction.accept(webhook.prediction()));
      } catch (RejectedExecutionException e) {
        deduplicator.forget(webhook.id()); // so that the sender's retry is processed
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      exchange.sendResponseHeaders(204, -1);
    }
  }
}
