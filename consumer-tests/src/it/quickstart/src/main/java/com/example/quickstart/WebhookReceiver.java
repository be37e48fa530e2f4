package com.example.quickstart;

import com.sun.net.httpserver.HttpServer;
import dev.replicate4j.Prediction;
import dev.replicate4j.webhooks.VerifiedWebhook;
import dev.replicate4j.webhooks.WebhookDeduplicator;
import dev.replicate4j.webhooks.WebhookVerificationException;
import dev.replicate4j.webhooks.WebhookVerifier;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The README's webhook receiver ("Receiving webhooks", step 2), verbatim, so that the one copy a
 * reader takes is the one {@code WebhookReceiverTest} runs against the stub relay's deliveries.
 */
final class WebhookReceiver {
  private WebhookReceiver() {}

  /** Serves POST /webhooks/replicate at {@code address}; stop the returned server to end. */
  static HttpServer receiveWebhooks(String secret, InetSocketAddress address, Executor work,
      Consumer<Prediction> onPrediction) throws IOException {
    WebhookVerifier verifier = WebhookVerifier.builder()
        .secret(secret)                                  // whsec_...
        .tolerance(Duration.ofMinutes(5))                // default; clock(...) is injectable
        .build();                                        // immutable, thread-safe
    WebhookDeduplicator deduplicator = WebhookDeduplicator.builder()
        .ttl(Duration.ofHours(24)).maxEntries(10_000).build();
    HttpServer server = HttpServer.create(address, 0);
    server.createContext("/webhooks/replicate", exchange -> {
      try (exchange) {
        if (!"POST".equals(exchange.getRequestMethod())) {
          exchange.getResponseHeaders().set("Allow", "POST");
          exchange.sendResponseHeaders(405, -1);
          return;
        }
        byte[] body = exchange.getRequestBody().readNBytes(16 * 1024 * 1024 + 1); // raw bytes first
        if (body.length > 16 * 1024 * 1024) {            // bounds memory per request
          exchange.sendResponseHeaders(413, -1);
          return;
        }
        VerifiedWebhook webhook;
        try {
          webhook = verifier.verify(exchange.getRequestHeaders(), body);
        } catch (WebhookVerificationException e) {
          System.err.println("Rejected a webhook: " + e.getMessage()); // never contains the secret
          exchange.sendResponseHeaders(400, -1);
          return;
        }
        if (!deduplicator.firstDelivery(webhook.id())) { // a retry of a delivery already accepted
          exchange.sendResponseHeaders(204, -1);
          return;
        }
        try {
          work.execute(() -> onPrediction.accept(webhook.prediction()));
        } catch (RejectedExecutionException e) {
          deduplicator.forget(webhook.id());             // so that the sender's retry is processed
          exchange.sendResponseHeaders(503, -1);
          return;
        }
        exchange.sendResponseHeaders(204, -1);           // answer at once
      }
    });
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.start();
    return server;
  }
}
