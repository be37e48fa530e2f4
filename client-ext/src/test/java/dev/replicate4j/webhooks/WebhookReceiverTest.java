package dev.replicate4j.webhooks;

import static dev.replicate4j.webhooks.Deliveries.ID;
import static dev.replicate4j.webhooks.Deliveries.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.replicate4j.Prediction;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The README's receiver, run on loopback and driven with real HTTP requests. */
class WebhookReceiverTest {
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Prediction> handled = new CopyOnWriteArrayList<>();
  private final AtomicBoolean rejectNextHandOff = new AtomicBoolean();
  // Runs the hand-off inline, so that what was handled is known once the answer arrives.
  private final Executor work = task -> {
    if (rejectNextHandOff.getAndSet(false)) {
      throw new RejectedExecutionException("queue full");
    }
    task.run();
  };
  private HttpServer server;
  private URI endpoint;

  private void startReceiver() throws Exception {
    WebhookReceiver receiver = new WebhookReceiver(Deliveries.verifier(),
        WebhookDeduplicator.builder().build(), work, handled::add);
    server = receiver.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort()
        + "/webhooks/replicate");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void processesADeliveryOnceAndAcknowledgesItsRetry() throws Exception {
    startReceiver();
    byte[] body = Deliveries.prediction("p1", "succeeded");
    Map<String, List<String>> headers = Deliveries.signed(TIMESTAMP, body);

    assertThat(post(headers, body)).isEqualTo(204);
    assertThat(post(headers, body)).as("the retry").isEqualTo(204);

    assertThat(handled).extracting(Prediction::id).containsExactly("p1");
  }

  @Test
  void rejectsAForgeryWithoutProcessingIt() throws Exception {
    startReceiver();
    byte[] body = Deliveries.prediction("p1", "succeeded");
    Map<String, List<String>> headers = Deliveries.signed(TIMESTAMP, body);
    byte[] forged = Deliveries.prediction("p1", "failed");

    assertThat(post(headers, forged)).isEqualTo(400);
    assertThat(post(Deliveries.signed(TIMESTAMP - 301, body), body)).as("stale").isEqualTo(400);
    assertThat(handled).isEmpty();
    // The forgery did not use up the id: the authentic delivery still goes through.
    assertThat(post(headers, body)).isEqualTo(204);
    assertThat(handled).extracting(Prediction::id).containsExactly("p1");
  }

  @Test
  void asksForARetryWhenItCannotHandOffAndProcessesThatRetry() throws Exception {
    startReceiver();
    byte[] body = Deliveries.prediction("p1", "succeeded");
    Map<String, List<String>> headers = Deliveries.signed(TIMESTAMP, body);
    rejectNextHandOff.set(true);

    assertThat(post(headers, body)).isEqualTo(503);
    assertThat(handled).isEmpty();
    assertThat(post(headers, body)).as("the retry").isEqualTo(204);
    assertThat(handled).extracting(Prediction::id).containsExactly("p1");
  }

  @Test
  void processesEachEventOfAPrediction() throws Exception {
    startReceiver();
    String[] statuses = {"starting", "processing", "succeeded"};
    for (int i = 0; i < statuses.length; i++) {
      byte[] body = Deliveries.prediction("p1", statuses[i]);
      String id = ID + "-" + i; // each event is its own delivery, with its own id
      String ts = Long.toString(TIMESTAMP);
      assertThat(post(Deliveries.headers(id, ts,
          "v1," + Deliveries.sign(Deliveries.SECRET, id, ts, body)), body)).isEqualTo(204);
    }

    assertThat(handled).extracting(Prediction::rawStatus).containsExactly(statuses);
  }

  @Test
  void answersOnlyPost() throws Exception {
    startReceiver();
    HttpResponse<Void> response = http.send(HttpRequest.newBuilder(endpoint).GET().build(),
        HttpResponse.BodyHandlers.discarding());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).contains("POST");
  }

  private int post(Map<String, List<String>> headers, byte[] body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
