package dev.replicate4j.webhooks;

import static dev.replicate4j.webhooks.Deliveries.ID;
import static dev.replicate4j.webhooks.Deliveries.SECRET;
import static dev.replicate4j.webhooks.Deliveries.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.Headers;
import dev.replicate4j.webhooks.WebhookVerificationException.Reason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Finding the three headers, whatever their case, and saying which one is missing or wrong. */
class WebhookVerifierHeadersTest {
  private static final String TS = Long.toString(TIMESTAMP);
  private static final byte[] BODY = Deliveries.prediction("p1", "starting");
  private static final String SIGNATURE = "v1," + Deliveries.sign(SECRET, ID, TS, BODY);

  private final WebhookVerifier verifier = Deliveries.verifier();

  @ParameterizedTest
  @ValueSource(strings = {"webhook-id", "webhook-timestamp", "webhook-signature"})
  void namesTheMissingHeader(String name) {
    Map<String, List<String>> headers = Deliveries.headers(ID, TS, SIGNATURE);
    headers.remove(name);

    WebhookVerificationException e = rejected(headers);

    assertThat(e.reason()).isEqualTo(Reason.MISSING_HEADER);
    assertThat(e.header()).contains(name);
    assertThat(e).hasMessageContaining(name + " header is missing");
  }

  @Test
  void aHeaderWithNoValuesIsMissing() {
    Map<String, List<String>> headers = Deliveries.headers(ID, TS, SIGNATURE);
    headers.put("webhook-id", List.of());

    assertThat(rejected(headers).reason()).isEqualTo(Reason.MISSING_HEADER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"webhook-id", "webhook-timestamp", "webhook-signature"})
  void anEmptyHeaderIsMalformed(String name) {
    Map<String, List<String>> headers = Deliveries.headers(ID, TS, SIGNATURE);
    headers.put(name, List.of(" "));

    WebhookVerificationException e = rejected(headers);

    assertThat(e.reason()).isEqualTo(Reason.MALFORMED_HEADER);
    assertThat(e.header()).contains(name);
    assertThat(e).hasMessageContaining(name + " header is empty");
  }

  @Test
  void aRepeatedHeaderIsMalformedEvenUnderAnotherCase() {
    Map<String, List<String>> headers = Deliveries.headers(ID, TS, SIGNATURE);
    headers.put("Webhook-Id", List.of(ID));

    WebhookVerificationException e = rejected(headers);

    assertThat(e.reason()).isEqualTo(Reason.MALFORMED_HEADER);
    assertThat(e.header()).contains("webhook-id");
    assertThat(e).hasMessageContaining("appears 2 times");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "1767225600.5", "-1767225600", "+1767225600", "1e9",
      "1767225600 ", "0x69", "\u0661\u0662\u0663", "12345678901234567", "2026-01-01T00:00:00Z"})
  void aTimestampThatIsNotUnixSecondsIsMalformed(String timestamp) {
    WebhookVerificationException e = rejected(Deliveries.headers(ID, timestamp, SIGNATURE));

    assertThat(e.reason()).isEqualTo(Reason.MALFORMED_HEADER);
    assertThat(e.header()).contains("webhook-timestamp");
    assertThat(e).hasMessageContaining("not a Unix time in whole seconds");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "v1",                                  // no comma
      "v1,",                                 // no signature
      ",abc",                                // no version
      "v1,not*base64!",                      // not base64
      "v1,c2hvcnQ=",                         // base64 of 5 bytes, not 32
      "v2,abc v1,%%%%"                       // a bad v1 after a skipped v2
  })
  void aSignatureListThatCannotBeReadIsMalformed(String signature) {
    WebhookVerificationException e = rejected(Deliveries.headers(ID, TS, signature));

    assertThat(e.reason()).isEqualTo(Reason.MALFORMED_HEADER);
    assertThat(e.header()).contains("webhook-signature");
  }

  @Test
  void aMalformedEntryIsNamedByItsPosition() {
    WebhookVerificationException e =
        rejected(Deliveries.headers(ID, TS, SIGNATURE + " v1,c2hvcnQ="));

    assertThat(e).hasMessageContaining("entry 2 decodes to 5 bytes");
  }

  @Test
  void findsHeadersWhateverTheCaseOfTheirNames() {
    Map<String, List<String>> headers = new HashMap<>();
    headers.put("Webhook-Id", List.of(ID));
    headers.put("WEBHOOK-TIMESTAMP", List.of(TS));
    headers.put("webhook-Signature", List.of(SIGNATURE));

    assertThat(verifier.verify(headers, BODY).id()).isEqualTo(ID);
  }

  @Test
  void readsTheJdkServersHeaders() {
    // com.sun.net.httpserver normalises names to "Webhook-id"; its map is what receivers pass.
    Headers headers = new Headers();
    headers.add("webhook-id", ID);
    headers.add("webhook-timestamp", TS);
    headers.add("webhook-signature", SIGNATURE);

    assertThat(verifier.verify(headers, BODY).id()).isEqualTo(ID);
  }

  @Test
  void skipsNullNamesAndNullValueLists() {
    // HttpURLConnection reports the status line under a null name.
    Map<String, List<String>> headers = new LinkedHashMap<>(Deliveries.headers(ID, TS, SIGNATURE));
    headers.put(null, List.of("HTTP/1.1 200 OK"));
    headers.put("x-other", null);

    assertThat(verifier.verify(headers, BODY).id()).isEqualTo(ID);
  }

  @Test
  void takesAHeaderLookupSuchAsAServletsGetHeader() {
    Map<String, String> single = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    single.put("Webhook-ID", ID);
    single.put("Webhook-Timestamp", TS);
    single.put("Webhook-Signature", SIGNATURE);
    List<String> asked = new ArrayList<>();

    VerifiedWebhook webhook = verifier.verify(name -> {
      asked.add(name);
      return single.get(name);
    }, BODY);

    assertThat(webhook.id()).isEqualTo(ID);
    assertThat(asked).containsExactly("webhook-id", "webhook-timestamp", "webhook-signature");
  }

  @Test
  void aLookupReturningNullMeansMissing() {
    WebhookVerificationException e = catchThrowableOfType(WebhookVerificationException.class,
        () -> verifier.verify(name -> name.equals("webhook-id") ? ID : null, BODY));

    assertThat(e.reason()).isEqualTo(Reason.MISSING_HEADER);
    assertThat(e.header()).contains("webhook-timestamp");
  }

  @Test
  void quotesHeaderValuesSafelyInMessages() {
    // The sender of a rejected delivery chose these values: no raw newlines, nothing unbounded.
    String id = "msg_1\nINFO forged log line " + "x".repeat(200);
    WebhookVerificationException e = rejected(Deliveries.headers(id, TS, SIGNATURE));

    assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE);
    assertThat(e.getMessage()).doesNotContain("\n").contains("msg_1\\u000aINFO forged")
        .contains("x...'").hasSizeLessThan(400);
  }

  private WebhookVerificationException rejected(Map<String, List<String>> headers) {
    WebhookVerificationException e = catchThrowableOfType(
        WebhookVerificationException.class, () -> verifier.verify(headers, BODY));
    assertThat(e).as("expected a rejection").isNotNull();
    return e;
  }
}
