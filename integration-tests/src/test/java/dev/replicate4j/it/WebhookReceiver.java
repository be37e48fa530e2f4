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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A webhook endpoint as an application would write one, on the JDK's HTTP server on loopback:
 * verify (400 if not authentic), drop repeats by webhook-id, record the prediction.
 *
 * <p>To show de-duplication, it can answer 500 to the first message it accepts that carries a
 * terminal prediction, as if its answer were lost after the work was done; the sender then
 * delivers the same message again.
 */
final class WebhookReceiver implements AutoCloseable {
  /** What happened to one request. */
  record Received(String webhookId, String outcome, Prediction prediction) {}

  private final HttpServer server;
  private final WebhookVerifier verifier;
  private final WebhookDeduplicator deduplicator = WebhookDeduplicator.builder().build();
  private final List<Received> received = new ArrayList<>();
  private final AtomicBoolean loseNextTerminalAnswer;

  WebhookReceiver(String secret, boolean loseFirstTerminalAnswer) throws IOException {
    this.verifier = WebhookVerifier.builder().secret(secret).build();
    this.loseNextTerminalAnswer = new AtomicBoolean(loseFirstTerminalAnswer);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hooks/replicate", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/replicate";
  }

  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  List<Received> withOutcome(String outcome) {
    return received().stream().filter(r -> r.outcome().equals(outcome)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    String id = exchange.getRequestHeaders().getFirst("webhook-id");
    int code;
    try {
      VerifiedWebhook webhook = verifier.verify(exchange.getRequestHeaders(), body);
      if (!deduplicator.firstDelivery(webhook.id())) {
        record(new Received(webhook.id(), "duplicate", webhook.prediction()));
        code = 200;
      } else {
        Prediction p = webhook.prediction();
        record(new Received(webhook.id(), "accepted", p));
        boolean lose = p.status().isTerminal() && loseNextTerminalAnswer.getAndSet(false);
        code = lose ? 500 : 200;
      }
    } catch (WebhookVerificationException e) {
      record(new Received(id, "rejected:" + e.reason(), null));
      code = 400;
    }
    exchange.sendResponseHeaders(code, -1);
    exchange.close();
  }

  private synchronized void record(Received r) {
    received.add(r);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
