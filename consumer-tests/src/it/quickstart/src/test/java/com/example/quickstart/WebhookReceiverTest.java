package com.example.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.replicate4j.CreateOptions;
import dev.replicate4j.Prediction;
import dev.replicate4j.PredictionStatus;
import dev.replicate4j.ReplicateClient;
import dev.replicate4j.WebhookEventType;
import dev.replicate4j.models.Models;
import dev.replicate4j.models.SdxlInput;
import dev.replicate4j.stub.Schedule;
import dev.replicate4j.stub.StubRelay;
import dev.replicate4j.stub.WebhookDelivery;
import dev.replicate4j.stub.junit.ReplicateStubExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Webhooks end to end, as a consumer runs them: a prediction created with a webhook, the README's
 * receiver ({@link WebhookReceiver}) on loopback verifying every delivery with the stub's secret,
 * handing each message off once, asking for a retry when it cannot hand off, and rejecting tampered
 * deliveries.
 */
class WebhookReceiverTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension
  static final ReplicateStubExtension RELAY = ReplicateStubExtension.create()
      .configureStub(stub -> stub.schedule(Schedule.of(Duration.ofMillis(20), Duration.ofMillis(700)))
          .webhookRetries(3, Duration.ofMillis(50)));

  @Test
  void everyEventIsHandledOnceAndARefusedHandOffIsDeliveredAgain(ReplicateClient client,
      StubRelay stub) throws Exception {
    try (Receiving receiver = new Receiving(stub.webhookSecret(), true)) {
      Prediction done = client.create(Models.SDXL, SdxlInput.builder().prompt("a lighthouse").build(), CreateOptions.builder()
          .webhook(receiver.url()).webhookEvents(EnumSet.allOf(WebhookEventType.class)).build())
          .await();
      WebhookDelivery completed = awaitDelivered(stub, done.id(), "completed");

      List<WebhookDelivery> attempts = stub.journal().webhookDeliveries(done.id());
      assertThat(attempts).extracting(WebhookDelivery::event)
          .contains("start", "logs", "output", "completed");
      assertThat(attempts).allSatisfy(a -> assertThat(a.responseCode()).isIn(204, 503));
      List<String> refused = attempts.stream().filter(a -> a.responseCode() == 503)
          .map(WebhookDelivery::webhookId).toList();
      assertThat(refused).as("the first hand-off, refused once").hasSize(1);
      assertThat(attempts).filteredOn(a -> a.webhookId().equals(refused.get(0)))
          .extracting(WebhookDelivery::responseCode).as("then delivered again and handled")
          .containsExactly(503, 204);
      Set<String> messageIds = attempts.stream().map(WebhookDelivery::webhookId)
          .collect(Collectors.toSet());
      List<Prediction> handled = receiver.handled();
      assertThat(handled).as("one hand-off per message").hasSize(messageIds.size());
      assertThat(handled).allSatisfy(p -> assertThat(p.id()).isEqualTo(done.id()));
      assertThat(handled).extracting(Prediction::status).contains(PredictionStatus.STARTING);

      Prediction last = handled.get(handled.size() - 1);
      assertThat(completed.responseCode()).isEqualTo(204);
      assertThat(last.status()).isEqualTo(PredictionStatus.SUCCEEDED);
      assertThat(last.outputUris()).isEqualTo(done.outputUris()).isNotEmpty();
    }
  }

  @Test
  void theEventFilterReachesTheServer(ReplicateClient client, StubRelay stub) throws Exception {
    try (Receiving receiver = new Receiving(stub.webhookSecret(), false)) {
      Prediction done = client.create(Models.SDXL, SdxlInput.builder().prompt("a lighthouse").build(), CreateOptions.builder()
          .webhook(receiver.url()).webhookEvents(EnumSet.of(WebhookEventType.COMPLETED)).build())
          .await();
      awaitDelivered(stub, done.id(), "completed");

      assertThat(stub.journal().creates().get(0).body())
          .contains("\"webhook_events_filter\":[\"completed\"]");
      assertThat(stub.journal().webhookDeliveries(done.id())).extracting(WebhookDelivery::event)
          .containsExactly("completed");
      assertThat(receiver.handled()).singleElement()
          .satisfies(p -> assertThat(p.status()).isEqualTo(PredictionStatus.SUCCEEDED));
    }
  }

  @Test
  void tamperedDeliveriesAreRejectedAndAReplayIsDropped(ReplicateClient client, StubRelay stub)
      throws Exception {
    try (Receiving receiver = new Receiving(stub.webhookSecret(), false)) {
      Prediction done = client.create(Models.SDXL, SdxlInput.builder().prompt("a lighthouse").build(), CreateOptions.builder()
          .webhook(receiver.url()).webhookEvents(EnumSet.of(WebhookEventType.COMPLETED)).build())
          .await();
      WebhookDelivery real = awaitDelivered(stub, done.id(), "completed");
      String forgedBody = real.body().replace("\"succeeded\"", "\"failed\"");
      assertThat(forgedBody).isNotEqualTo(real.body());

      assertThat(post(receiver, real.webhookId(), real.timestamp(), real.signature(), forgedBody))
          .isEqualTo(400);
      assertThat(post(receiver, real.webhookId(), real.timestamp() + 1, real.signature(),
          real.body())).isEqualTo(400);
      assertThat(post(receiver, "msg_forged", real.timestamp(), real.signature(), real.body()))
          .isEqualTo(400);
      assertThat(post(receiver, real.webhookId(), real.timestamp(), real.signature(), real.body()))
          .as("a replay of the real delivery").isEqualTo(204);

      assertThat(receiver.handled()).as("only the real delivery, once").singleElement()
          .satisfies(p -> assertThat(p.status()).isEqualTo(PredictionStatus.SUCCEEDED));
    }
  }

  @Test
  void theReceiverAnswersOnlyPost(StubRelay stub) throws Exception {
    try (Receiving receiver = new Receiving(stub.webhookSecret(), false)) {
      HttpResponse<Void> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(receiver.url())).GET().build(),
          HttpResponse.BodyHandlers.discarding());

      assertThat(response.statusCode()).isEqualTo(405);
      assertThat(response.headers().firstValue("Allow")).contains("POST");
      assertThat(receiver.handled()).isEmpty();
    }
  }

  /** Waits, up to a generous limit, until the stub has delivered an event of a prediction. */
  private static WebhookDelivery awaitDelivered(StubRelay stub, String predictionId, String event) {
    return await(event + " webhook delivered for " + predictionId).atMost(WAIT)
        .pollInterval(Duration.ofMillis(20))
        .until(() -> stub.journal().webhookDeliveries(predictionId).stream()
            .filter(attempt -> attempt.event().equals(event) && attempt.delivered()).findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  private static int post(Receiving receiver, String id, long timestamp, String signature,
      String body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(receiver.url()))
        .header("webhook-id", id)
        .header("webhook-timestamp", String.valueOf(timestamp))
        .header("webhook-signature", signature)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /**
   * The README's {@link WebhookReceiver} on loopback, recording what it hands off. Its work runs
   * inline, so what was handled is known once the answer is sent; optionally the first hand-off
   * is refused, as by a full queue, and the receiver asks the sender to deliver again.
   */
  private static final class Receiving implements AutoCloseable {
    private final List<Prediction> handled = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    Receiving(String secret, boolean refuseFirstHandOff) throws IOException {
      AtomicBoolean refuse = new AtomicBoolean(refuseFirstHandOff);
      Executor work = task -> {
        if (refuse.getAndSet(false)) {
          throw new RejectedExecutionException("queue full");
        }
        task.run();
      };
      server = WebhookReceiver.receiveWebhooks(secret,
          new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), work, handled::add);
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/replicate";
    }

    List<Prediction> handled() {
      return List.copyOf(handled);
    }

    @Override
    public void close() {
      server.stop(0);
      ((ExecutorService) server.getExecutor()).shutdown();
    }
  }
}
