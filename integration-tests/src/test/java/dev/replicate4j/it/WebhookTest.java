package dev.replicate4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replicate4j.CreateOptions;
import dev.replicate4j.Prediction;
import dev.replicate4j.PredictionStatus;
import dev.replicate4j.ReplicateClient;
import dev.replicate4j.WebhookEventType;
import dev.replicate4j.it.WebhookReceiver.Received;
import dev.replicate4j.models.Models;
import dev.replicate4j.stub.Schedule;
import dev.replicate4j.stub.StubRelay;
import dev.replicate4j.stub.WebhookDelivery;
import dev.replicate4j.stub.junit.ReplicateStubExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Webhooks end to end: a prediction created with a webhook, a receiver on loopback that verifies
 * every delivery with the stub's secret and drops repeats by webhook-id, and tampered deliveries
 * rejected.
 */
class WebhookTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension
  static final ReplicateStubExtension RELAY = ReplicateStubExtension.create()
      .configureStub(stub -> stub.schedule(Schedule.of(Duration.ofMillis(20), Duration.ofMillis(700)))
          .webhookRetries(3, Duration.ofMillis(50)));

  @Test
  void everyEventIsVerifiedOnceAndTheLastCarriesTheSucceededPrediction(ReplicateClient client,
      StubRelay stub) throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver(stub.webhookSecret(), true)) {
      Prediction done = client.create(Models.SDXL, Inputs.sdxl(), CreateOptions.builder()
          .webhook(receiver.url()).webhookEvents(EnumSet.allOf(WebhookEventType.class)).build())
          .await();
      WebhookDelivery completed = awaitDelivered(stub, done.id(), "completed");

      List<WebhookDelivery> attempts = stub.journal().webhookDeliveries(done.id());
      assertThat(attempts).extracting(WebhookDelivery::event)
          .contains("start", "logs", "output", "completed");
      assertThat(attempts).allSatisfy(a -> assertThat(a.responseCode()).isIn(200, 500));
      Set<String> lostAnswers = attempts.stream().filter(a -> a.responseCode() == 500)
          .map(WebhookDelivery::webhookId).collect(Collectors.toSet());
      assertThat(lostAnswers).hasSize(1);
      List<Received> accepted = receiver.withOutcome("accepted");
      Set<String> messageIds = attempts.stream().map(WebhookDelivery::webhookId)
          .collect(Collectors.toSet());
      assertThat(accepted).extracting(Received::webhookId)
          .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(messageIds);
      assertThat(receiver.received()).extracting(Received::outcome)
          .containsOnly("accepted", "duplicate");
      assertThat(accepted).allSatisfy(r -> assertThat(r.prediction().id()).isEqualTo(done.id()));
      assertThat(accepted.get(0).prediction().status()).isEqualTo(PredictionStatus.STARTING);

      Received last = accepted.get(accepted.size() - 1);
      assertThat(last.webhookId()).isEqualTo(completed.webhookId());
      assertThat(last.prediction().status()).isEqualTo(PredictionStatus.SUCCEEDED);
      assertThat(last.prediction().outputUris()).isEqualTo(done.outputUris()).isNotEmpty();
      assertThat(receiver.withOutcome("duplicate")).extracting(Received::webhookId)
          .as("the message whose answer was lost, delivered again and dropped")
          .containsExactlyElementsOf(lostAnswers);
    }
  }

  @Test
  void theEventFilterReachesTheServer(ReplicateClient client, StubRelay stub) throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver(stub.webhookSecret(), false)) {
      Prediction done = client.create(Models.SDXL, Inputs.sdxl(), CreateOptions.builder()
          .webhook(receiver.url()).webhookEvents(EnumSet.of(WebhookEventType.COMPLETED)).build())
          .await();
      awaitDelivered(stub, done.id(), "completed");

      assertThat(stub.journal().creates().get(0).body())
          .contains("\"webhook_events_filter\":[\"completed\"]");
      assertThat(stub.journal().webhookDeliveries(done.id())).extracting(WebhookDelivery::event)
          .containsExactly("completed");
      assertThat(receiver.withOutcome("accepted")).singleElement()
          .satisfies(r -> assertThat(r.prediction().status()).isEqualTo(PredictionStatus.SUCCEEDED));
    }
  }

  @Test
  void tamperedDeliveriesAreRejectedAndAReplayIsDropped(ReplicateClient client, StubRelay stub)
      throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver(stub.webhookSecret(), false)) {
      Prediction done = client.create(Models.SDXL, Inputs.sdxl(), CreateOptions.builder()
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
          .as("a replay of the real delivery").isEqualTo(200);

      assertThat(receiver.received()).extracting(Received::outcome).containsExactly("accepted",
          "rejected:BAD_SIGNATURE", "rejected:BAD_SIGNATURE", "rejected:BAD_SIGNATURE",
          "duplicate");
    }
  }

  /** Waits, up to a generous limit, until the stub has delivered an event of a prediction. */
  private static WebhookDelivery awaitDelivered(StubRelay stub, String predictionId, String event) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      List<WebhookDelivery> attempts = stub.journal().webhookDeliveries(predictionId);
      for (WebhookDelivery attempt : attempts) {
        if (attempt.event().equals(event) && attempt.delivered()) {
          return attempt;
        }
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("No " + event + " webhook delivered for " + predictionId
            + " within " + WAIT + "; attempts: " + attempts);
      }
      stub.journal().awaitWebhookDeliveries(predictionId, attempts.size() + 1,
          Duration.ofMillis(200));
    }
  }

  private static int post(WebhookReceiver receiver, String id, long timestamp, String signature,
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
}
