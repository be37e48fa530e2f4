package dev.replicate4j.webhooks;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds signed deliveries for tests. Signs on its own (one concatenated buffer, one Mac call),
 * not through the code under test; {@link WebhookVerifierKnownAnswerTest} ties it to openssl.
 */
final class Deliveries {
  static final String SECRET = "whsec_acS78b7T51maVU6qyFIchA/nvJzfwkpcM4uyJea2Eqs=";
  static final String ID = "msg_2q8ZfKcVn3Lw7YtRb0XeJd4HsUa";
  static final long TIMESTAMP = 1_767_225_600L; // 2026-01-01T00:00:00Z

  private Deliveries() {}

  static byte[] key(String secret) {
    return Base64.getDecoder().decode(secret.substring("whsec_".length()));
  }

  static String sign(String secret, String id, String timestamp, byte[] body) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    content.writeBytes((id + "." + timestamp + ".").getBytes(UTF_8));
    content.writeBytes(body);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(content.toByteArray()));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  static byte[] prediction(String id, String status) {
    return ("{\"id\":\"" + id + "\",\"model\":\"black-forest-labs/flux-schnell\","
        + "\"version\":\"hidden\",\"input\":{\"prompt\":\"a lighthouse\"},\"logs\":\"\","
        + "\"output\":null,\"error\":null,\"status\":\"" + status + "\","
        + "\"created_at\":\"2026-01-01T00:00:00.000Z\"}").getBytes(UTF_8);
  }

  static Map<String, List<String>> headers(String id, String timestamp, String signature) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("webhook-id", List.of(id));
    headers.put("webhook-timestamp", List.of(timestamp));
    headers.put("webhook-signature", List.of(signature));
    return headers;
  }

  /** Headers of a correctly signed delivery of {@code body}. */
  static Map<String, List<String>> signed(long timestamp, byte[] body) {
    String ts = Long.toString(timestamp);
    return headers(ID, ts, "v1," + sign(SECRET, ID, ts, body));
  }

  static Clock clockAt(long epochSecond) {
    return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
  }

  /** A verifier with the test secret whose clock reads exactly {@link #TIMESTAMP}. */
  static WebhookVerifier verifier() {
    return WebhookVerifier.builder().secret(SECRET).clock(clockAt(TIMESTAMP)).build();
  }
}
