package dev.replicate4j.webhooks;

import static dev.replicate4j.webhooks.Deliveries.TIMESTAMP;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.replicate4j.webhooks.WebhookVerificationException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An authentic, timely body must still be a prediction. */
class WebhookVerifierBodyTest {
  private final WebhookVerifier verifier = Deliveries.verifier();

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "[1,2]", "\"a string\"", "null", "{\"id\":",
      "{\"status\":\"succeeded\"}", "{\"id\":\"\",\"status\":\"succeeded\"}",
      "{\"id\":\"p1\"}", "{\"id\":\"p1\",\"status\":\"succeeded\",\"input\":\"not an object\"}"})
  void rejectsABodyThatIsNotAPrediction(String body) {
    WebhookVerificationException e = rejected(body.getBytes(UTF_8));

    assertThat(e.reason()).isEqualTo(Reason.NOT_A_PREDICTION);
    assertThat(e.header()).isEmpty();
    assertThat(e).hasMessageStartingWith("Webhook rejected (NOT_A_PREDICTION): ")
        .hasMessageContaining("the body of webhook '" + Deliveries.ID + "'");
  }

  @Test
  void saysWhichFieldIsMissing() {
    assertThat(rejected("{\"status\":\"succeeded\"}".getBytes(UTF_8)))
        .hasMessageContaining("it has no \"id\"");
    assertThat(rejected("{\"id\":\"p1\"}".getBytes(UTF_8)))
        .hasMessageContaining("it has no \"status\"");
  }

  @Test
  void rejectsABodyThatIsNotUtf8() {
    byte[] latin1 = "{\"id\":\"p1\",\"status\":\"succeeded\",\"logs\":\"caf\u00e9\"}"
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    WebhookVerificationException e = rejected(latin1);

    assertThat(e.reason()).isEqualTo(Reason.NOT_A_PREDICTION);
    assertThat(e).hasMessageContaining("not valid UTF-8");
  }

  @Test
  void returnsThePredictionOfEachEventStage() {
    for (String status : new String[] {"starting", "processing", "succeeded", "failed",
        "canceled", "aborted"}) {
      byte[] body = Deliveries.prediction("p-" + status, status);
      VerifiedWebhook webhook = verifier.verify(Deliveries.signed(TIMESTAMP, body), body);
      assertThat(webhook.prediction().id()).isEqualTo("p-" + status);
      assertThat(webhook.prediction().rawStatus()).contains(status);
      assertThat(webhook.prediction().model()).contains("black-forest-labs/flux-schnell");
    }
  }

  @Test
  void keepsAStatusThisVersionDoesNotKnow() {
    byte[] body = Deliveries.prediction("p-new", "paused");

    VerifiedWebhook webhook = verifier.verify(Deliveries.signed(TIMESTAMP, body), body);

    assertThat(webhook.prediction().status()).isEqualTo(dev.replicate4j.PredictionStatus.UNKNOWN);
    assertThat(webhook.prediction().rawStatus()).contains("paused");
  }

  private WebhookVerificationException rejected(byte[] body) {
    WebhookVerificationException e = catchThrowableOfType(WebhookVerificationException.class,
        () -> verifier.verify(Deliveries.signed(TIMESTAMP, body), body));
    assertThat(e).as("expected a rejection").isNotNull();
    return e;
  }
}
