package dev.replicate4j.webhooks;

import static dev.replicate4j.webhooks.Deliveries.ID;
import static dev.replicate4j.webhooks.Deliveries.SECRET;
import static dev.replicate4j.webhooks.Deliveries.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The secret: accepted forms, clear errors for others, and never shown. Plus shared use. */
class WebhookVerifierSecretTest {
  private static final String BARE = SECRET.substring("whsec_".length());

  @ParameterizedTest
  @ValueSource(strings = {
      "whsec_",                                   // nothing after the prefix
      "",                                         // nothing at all
      "whsec_abc$def",                            // not base64
      "whsec_acS78b7T51maVU6qyFIchA_nvJzfwkpcM4uyJea2Eqs=", // URL-safe alphabet
      "r8_Qm7dKx2bS9ZpTn4WvYe1HcLf6Ju0AgRoI3sNt",  // an API token, not a webhook secret
      "whsec_acS78b7T51maVU6qyFIchA/nvJzfwkpcM4uyJea2Eqs=\n", // trailing newline
      " whsec_acS78b7T51maVU6qyFIchA/nvJzfwkpcM4uyJea2Eqs=", // leading space
      "whsec_===="                                // padding only
  })
  void rejectsASecretThatIsNotWhsecBase64WithoutQuotingIt(String secret) {
    Throwable e = catchThrowable(() -> WebhookVerifier.builder().secret(secret));

    assertThat(e).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 'whsec_' followed by standard base64")
        .hasNoCause();
    assertNotShown(e, secret);
  }

  @Test
  void explainsWhitespaceAroundTheSecret() {
    assertThatThrownBy(() -> WebhookVerifier.builder().secret(SECRET + "\n"))
        .hasMessageContaining("whitespace");
  }

  @Test
  void requiresASecret() {
    assertThatThrownBy(() -> WebhookVerifier.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("secret");
    assertThatThrownBy(() -> WebhookVerifier.builder().secret(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void neverShowsTheSecretInToString() {
    WebhookVerifier verifier = Deliveries.verifier();

    assertThat(verifier.toString()).contains("redacted").contains("PT5M");
    assertNotShown(verifier.toString(), SECRET);
  }

  @Test
  void neverShowsTheSecretInARejection() {
    byte[] body = Deliveries.prediction("p1", "succeeded");
    String ts = Long.toString(TIMESTAMP);
    String good = "v1," + Deliveries.sign(SECRET, ID, ts, body);
    WebhookVerifier verifier = Deliveries.verifier();
    List<Map<String, List<String>>> bad = List.of(
        Deliveries.headers(ID, ts, "v1," + Deliveries.sign(SECRET, "x", ts, body)),
        Deliveries.headers(ID, "x", good),
        Deliveries.headers(ID, ts, "v2," + BARE),
        Deliveries.headers(ID, ts, "v1," + BARE + "x"),
        Deliveries.signed(TIMESTAMP - 3600, body),
        Deliveries.signed(TIMESTAMP + 3600, body));
    for (Map<String, List<String>> headers : bad) {
      Throwable e = catchThrowable(() -> verifier.verify(headers, body));
      assertThat(e).isInstanceOf(WebhookVerificationException.class);
      assertNotShown(e, SECRET);
    }
  }

  @Test
  void isSharedSafelyBetweenThreads() throws Exception {
    WebhookVerifier verifier = Deliveries.verifier();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        String id = "msg_" + i;
        byte[] body = Deliveries.prediction("p" + i, "succeeded");
        String ts = Long.toString(TIMESTAMP - i % 300);
        // Every fourth delivery carries a signature for another id and must be rejected.
        String signedId = i % 4 == 0 ? id + "-forged" : id;
        Map<String, List<String>> headers =
            Deliveries.headers(id, ts, "v1," + Deliveries.sign(SECRET, signedId, ts, body));
        results.add(pool.submit(() -> {
          try {
            return verifier.verify(headers, body).prediction().id();
          } catch (WebhookVerificationException e) {
            return e.reason().name();
          }
        }));
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get(30, TimeUnit.SECONDS))
            .isEqualTo(i % 4 == 0 ? "BAD_SIGNATURE" : "p" + i);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Neither the secret nor its base64 part appears anywhere in the text or stack trace. */
  private static void assertNotShown(Object thing, String secret) {
    String text;
    if (thing instanceof Throwable) {
      StringWriter trace = new StringWriter();
      ((Throwable) thing).printStackTrace(new PrintWriter(trace));
      text = trace.toString();
    } else {
      text = String.valueOf(thing);
    }
    String base64 = secret.strip().startsWith("whsec_")
        ? secret.strip().substring("whsec_".length()) : secret.strip();
    if (base64.length() >= 4) {
      assertThat(text).doesNotContain(base64);
    }
  }
}
