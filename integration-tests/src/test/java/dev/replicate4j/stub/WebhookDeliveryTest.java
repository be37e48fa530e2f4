package dev.replicate4j.stub;

import static dev.replicate4j.stub.StubHttp.SD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTest {
  private final MockWebServer receiver = new MockWebServer();
  private final AtomicInteger failuresLeft = new AtomicInteger();

  @BeforeEach
  void startReceiver() throws Exception {
    receiver.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        int code = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
        return new MockResponse.Builder().code(code).build();
      }
    });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  @Test
  void deliversSignedEventsOfTheWholeLifecycleInOrder() throws Exception {
    try (StubRelay stub = StubRelay.builder()
            .schedule(Schedule.of(Duration.ofMillis(100), Duration.ofMillis(1200))).build().start();
        StubHttp http = new StubHttp(stub)) {
      String id = create(http, Map.of("webhook", receiver.url("/hooks/replicate").toString()));
      List<RecordedRequest> received = receiveUntilCompleted();

      // The journal records an attempt once the receiver has answered it.
      List<WebhookDelivery> deliveries =
          stub.journal().awaitWebhookDeliveries(id, received.size(), Duration.ofSeconds(5));
      assertThat(deliveries).hasSameSizeAs(received);
      assertThat(deliveries.get(0).event()).isEqualTo("start");
      assertThat(deliveries.get(deliveries.size() - 1).event()).isEqualTo("completed");
      assertThat(deliveries).extracting(WebhookDelivery::event).contains("logs", "output");
      assertThat(deliveries).allMatch(WebhookDelivery::delivered).allMatch(d -> d.attempt() == 1);
      assertThat(deliveries).extracting(WebhookDelivery::webhookId).doesNotHaveDuplicates();

      for (RecordedRequest request : received) {
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/hooks/replicate");
        assertSignedWith(stub.webhookSecret(), request);
        assertThat(StubHttp.json(request.getBody().utf8())).containsEntry("id", id);
      }
      assertThat(StubHttp.json(received.get(0).getBody().utf8())).containsEntry("status", "starting");
      Map<String, Object> last = StubHttp.json(received.get(received.size() - 1).getBody().utf8());
      assertThat(last).containsEntry("status", "succeeded");
      assertThat(last.get("output")).asInstanceOf(LIST).hasSize(1);
    }
  }

  @Test
  void sendsOnlyTheEventsInTheFilter() throws Exception {
    try (StubRelay stub = StubRelay.builder()
            .schedule(Schedule.of(Duration.ofMillis(20), Duration.ofMillis(600))).build().start();
        StubHttp http = new StubHttp(stub)) {
      String id = create(http, Map.of("webhook", receiver.url("/h").toString(),
          "webhook_events_filter", List.of("completed")));

      RecordedRequest only = receiver.takeRequest(10, TimeUnit.SECONDS);
      assertThat(only).isNotNull();
      assertThat(StubHttp.json(only.getBody().utf8())).containsEntry("status", "succeeded");
      assertThat(receiver.takeRequest(700, TimeUnit.MILLISECONDS)).isNull();
      assertThat(stub.journal().webhookDeliveries(id)).extracting(WebhookDelivery::event)
          .containsExactly("completed");
    }
  }

  @Test
  void retriesAFailedDeliveryWithTheSameWebhookId() throws Exception {
    failuresLeft.set(1);
    String secret = "whsec_" + Base64.getEncoder().encodeToString("another key".getBytes(StandardCharsets.UTF_8));
    try (StubRelay stub = StubRelay.builder().webhookSecret(secret)
            .webhookRetries(3, Duration.ofMillis(50)).build().start();
        StubHttp http = new StubHttp(stub)) {
      String id = create(http, Map.of("webhook", receiver.url("/h").toString(),
          "webhook_events_filter", List.of("start")));

      RecordedRequest first = receiver.takeRequest(10, TimeUnit.SECONDS);
      RecordedRequest second = receiver.takeRequest(10, TimeUnit.SECONDS);
      assertThat(second.getHeaders().get("webhook-id")).isEqualTo(first.getHeaders().get("webhook-id"));
      assertSignedWith(secret, first);
      assertSignedWith(secret, second);

      List<WebhookDelivery> attempts = stub.journal().awaitWebhookDeliveries(id, 2, Duration.ofSeconds(5));
      assertThat(attempts).extracting(WebhookDelivery::attempt).containsExactly(1, 2);
      assertThat(attempts.get(0).responseCode()).isEqualTo(500);
      assertThat(attempts.get(0).delivered()).isFalse();
      assertThat(attempts.get(1).delivered()).isTrue();
    }
  }

  @Test
  void recordsAReceiverThatIsDown() {
    try (StubRelay stub = StubRelay.builder().webhookRetries(2, Duration.ZERO).build().start();
        StubHttp http = new StubHttp(stub)) {
      String deadUrl = receiver.url("/h").toString();
      receiver.close();
      String id = create(http, Map.of("webhook", deadUrl, "webhook_events_filter", List.of("start")));

      List<WebhookDelivery> attempts = stub.journal().awaitWebhookDeliveries(id, 2, Duration.ofSeconds(10));
      assertThat(attempts).hasSize(2).allMatch(d -> d.responseCode() == 0 && d.failure().isPresent());
    }
  }

  @Test
  void rejectsWebhookUrlsThatAreNotHttpsOrLoopbackAndBadFilters() {
    try (StubRelay stub = StubRelay.builder().build().start(); StubHttp http = new StubHttp(stub)) {
      StubHttp.Reply plain = http.createRaw(StubHttp.toJson(Map.of("version", SD, "input", Map.of(),
          "webhook", "http://example.com/hook")));
      assertThat(plain.code).isEqualTo(422);
      assertThat((String) plain.json().get("detail")).contains("webhook", "http://example.com/hook");

      StubHttp.Reply badFilter = http.createRaw(StubHttp.toJson(Map.of("version", SD, "input", Map.of(),
          "webhook", "https://example.com/hook", "webhook_events_filter", List.of("finished"))));
      assertThat(badFilter.code).isEqualTo(422);
      assertThat((String) badFilter.json().get("detail")).contains("webhook_events_filter", "finished");
      assertThat(stub.predictionsCreated()).isZero();
    }
  }

  @Test
  void signerMatchesTheStandardWebhooksKnownAnswer() {
    // Test vector of the Standard Webhooks specification, also checked with
    // `openssl dgst -sha256 -mac HMAC -macopt hexkey:<decoded key>`.
    WebhookSigner signer = new WebhookSigner("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

    assertThat(signer.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"))
        .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void rejectsSecretsThatAreNotWhsecBase64() {
    assertThatThrownBy(() -> StubRelay.builder().webhookSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
        .hasMessageContaining("whsec_");
    assertThatThrownBy(() -> StubRelay.builder().webhookSecret("whsec_not*base64"))
        .hasMessageContaining("base64");
  }

  private static String create(StubHttp http, Map<String, Object> extra) {
    Map<String, Object> body = new LinkedHashMap<>(extra);
    body.put("version", SD);
    body.put("input", Map.of("prompt", "x"));
    StubHttp.Reply reply = http.createRaw(StubHttp.toJson(body));
    assertThat(reply.code).as(reply.body).isEqualTo(200);
    return (String) reply.json().get("id");
  }

  private List<RecordedRequest> receiveUntilCompleted() throws InterruptedException {
    List<RecordedRequest> received = new ArrayList<>();
    while (true) {
      RecordedRequest request = receiver.takeRequest(10, TimeUnit.SECONDS);
      assertThat(request).as("a webhook within 10 s; got so far " + received.size()).isNotNull();
      received.add(request);
      if ("succeeded".equals(StubHttp.json(request.getBody().utf8()).get("status"))) {
        // The events of the end (output, logs, completed) follow each other closely.
        for (RecordedRequest more; (more = receiver.takeRequest(500, TimeUnit.MILLISECONDS)) != null; ) {
          received.add(more);
        }
        return received;
      }
    }
  }

  /** Recomputes the signature independently of the stub's signer. */
  private static void assertSignedWith(String secret, RecordedRequest request) throws GeneralSecurityException {
    String id = request.getHeaders().get("webhook-id");
    String timestamp = request.getHeaders().get("webhook-timestamp");
    assertThat(id).startsWith("msg_");
    assertThat(Long.parseLong(timestamp)).isCloseTo(Instant.now().getEpochSecond(), Offset.offset(60L));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    byte[] signed = mac.doFinal((id + "." + timestamp + "." + request.getBody().utf8())
        .getBytes(StandardCharsets.UTF_8));
    assertThat(request.getHeaders().get("webhook-signature"))
        .isEqualTo("v1," + Base64.getEncoder().encodeToString(signed));
  }
}
