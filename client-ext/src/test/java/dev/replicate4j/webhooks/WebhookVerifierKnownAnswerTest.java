package dev.replicate4j.webhooks;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.replicate4j.PredictionStatus;
import dev.replicate4j.webhooks.WebhookVerificationException.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Signatures computed outside Java, with openssl, and hard-coded: the verifier must accept them
 * and compute the very same value itself.
 */
class WebhookVerifierKnownAnswerTest {
  private static final String SECRET = "whsec_acS78b7T51maVU6qyFIchA/nvJzfwkpcM4uyJea2Eqs=";
  private static final String ID = "msg_2q8ZfKcVn3Lw7YtRb0XeJd4HsUa";
  private static final String TIMESTAMP = "1767225600";
  /** Contains a two-byte UTF-8 character (the e-acute), so bytes and chars differ. */
  private static final String BODY = "{\"id\":\"gm3qorzdhgbfurvjtvhg6dckhu\","
      + "\"model\":\"black-forest-labs/flux-schnell\",\"version\":\"hidden\","
      + "\"input\":{\"prompt\":\"a caf\u00e9 at dawn\"},\"logs\":\"\","
      + "\"output\":[\"https://replicate.delivery/xezq/abc/out-0.webp\"],\"data_removed\":false,"
      + "\"error\":null,\"status\":\"succeeded\",\"created_at\":\"2026-01-01T00:00:00.000Z\","
      + "\"started_at\":\"2026-01-01T00:00:01.000Z\","
      + "\"completed_at\":\"2026-01-01T00:00:02.500Z\",\"metrics\":{\"predict_time\":1.5}}";

  /*
   * Computed with OpenSSL 3.0.19 by running exactly this in bash with LANG=C.UTF-8 (the
   * e-acute is the two bytes c3 a9, as in BODY):
   *
   *   secret='whsec_acS78b7T51maVU6qyFIchA/nvJzfwkpcM4uyJea2Eqs='
   *   hexkey=$(printf '%s' "${secret#whsec_}" | base64 -d | od -An -tx1 | tr -d ' \n')
   *   body='{"id":"gm3qorzdhgbfurvjtvhg6dckhu","model":"black-forest-labs/flux-schnell",'
   *   body+='"version":"hidden","input":{"prompt":"a café at dawn"},"logs":"",'
   *   body+='"output":["https://replicate.delivery/xezq/abc/out-0.webp"],"data_removed":false,'
   *   body+='"error":null,"status":"succeeded","created_at":"2026-01-01T00:00:00.000Z",'
   *   body+='"started_at":"2026-01-01T00:00:01.000Z",'
   *   body+='"completed_at":"2026-01-01T00:00:02.500Z","metrics":{"predict_time":1.5}}'
   *   content="msg_2q8ZfKcVn3Lw7YtRb0XeJd4HsUa.1767225600.$body"
   *   printf '%s' "$content" \
   *     | openssl dgst -sha256 -mac HMAC -macopt hexkey:$hexkey -binary | base64
   *
   * ($hexkey is 69c4bbf1bed3e7599a554eaac8521c840fe7bc9cdfc24a5c338bb225e6b612ab.)
   */
  private static final String OPENSSL_SIGNATURE = "fKXlpypjYSCYl6STb8geN3krg9pOmqtM4SdyVdzDLJ4=";

  private final WebhookVerifier verifier = WebhookVerifier.builder()
      .secret(SECRET)
      .clock(Deliveries.clockAt(Long.parseLong(TIMESTAMP)))
      .build();

  @Test
  void acceptsTheSignatureComputedByOpenssl() {
    VerifiedWebhook webhook = verifier.verify(
        Deliveries.headers(ID, TIMESTAMP, "v1," + OPENSSL_SIGNATURE), BODY.getBytes(UTF_8));

    assertThat(webhook.id()).isEqualTo(ID);
    assertThat(webhook.timestamp()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(webhook.prediction().id()).isEqualTo("gm3qorzdhgbfurvjtvhg6dckhu");
    assertThat(webhook.prediction().status()).isEqualTo(PredictionStatus.SUCCEEDED);
    assertThat(webhook.prediction().input()).containsEntry("prompt", "a caf\u00e9 at dawn");
    assertThat(webhook.prediction().outputUri())
        .contains("https://replicate.delivery/xezq/abc/out-0.webp");
  }

  @Test
  void computesTheSameSignatureAsOpenssl() {
    assertThat(verifier.expectedSignature(ID, TIMESTAMP, BODY.getBytes(UTF_8)))
        .isEqualTo(OPENSSL_SIGNATURE);
  }

  @Test
  void theTestSignerAgreesWithOpenssl() {
    // The other tests sign with Deliveries.sign; this anchors it to the same outside value.
    assertThat(Deliveries.sign(SECRET, ID, TIMESTAMP, BODY.getBytes(UTF_8)))
        .isEqualTo(OPENSSL_SIGNATURE);
  }

  @Test
  void acceptsTheBareBase64FormOfTheSecret() {
    WebhookVerifier bare = WebhookVerifier.builder()
        .secret(SECRET.substring("whsec_".length()))
        .clock(Deliveries.clockAt(Long.parseLong(TIMESTAMP)))
        .build();

    assertThat(bare.expectedSignature(ID, TIMESTAMP, BODY.getBytes(UTF_8)))
        .isEqualTo(OPENSSL_SIGNATURE);
    assertThat(bare.verify(Deliveries.headers(ID, TIMESTAMP, "v1," + OPENSSL_SIGNATURE),
        BODY.getBytes(UTF_8)).id()).isEqualTo(ID);
  }

  @Test
  void signsTheBodyBytesNotAReEncodingOfThem() {
    // Same text in ISO-8859-1: the e-acute becomes one byte, so the signature must no longer match.
    WebhookVerificationException e = catchThrowableOfType(WebhookVerificationException.class,
        () -> verifier.verify(Deliveries.headers(ID, TIMESTAMP, "v1," + OPENSSL_SIGNATURE),
            BODY.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));

    assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE);
  }

  /*
   * The example of the Standard Webhooks specification, recomputed here with:
   *
   *   printf '%s' 'msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{"test": 2432232314}' \
   *     | openssl dgst -sha256 -mac HMAC \
   *         -macopt hexkey:31f290f6bf06298aab4f08d43c3f082cf648a362da2da4b0 -binary | base64
   *
   * where the hex key is `printf '%s' MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw | base64 -d | od -An -tx1`.
   */
  @Test
  void matchesTheStandardWebhooksExampleAndThenRejectsItsNonPredictionBody() {
    WebhookVerifier standard = WebhookVerifier.builder()
        .secret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        .clock(Deliveries.clockAt(1_614_265_330L))
        .build();
    byte[] body = "{\"test\": 2432232314}".getBytes(UTF_8);
    String expected = "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    assertThat(standard.expectedSignature("msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", body))
        .isEqualTo(expected);
    // The signature passes, so what is left to complain about is the body, which is no prediction.
    Map<String, List<String>> headers =
        Deliveries.headers("msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", "v1," + expected);
    WebhookVerificationException e = catchThrowableOfType(
        WebhookVerificationException.class, () -> standard.verify(headers, body));
    assertThat(e.reason()).isEqualTo(Reason.NOT_A_PREDICTION);
    assertThat(e).hasMessageContaining("msg_p5jXN8AQM9LWM0D4loKWxJek").hasMessageContaining("id");
  }
}
