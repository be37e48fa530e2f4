package dev.replicate4j.stub;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook bodies the Standard Webhooks way: {@code v1,} then the base64 HMAC-SHA256 of
 * {@code id.timestamp.body}, keyed with the base64-decoded part of a {@code whsec_} secret.
 */
final class WebhookSigner {
  static final String PREFIX = "whsec_";

  private final byte[] key;

  WebhookSigner(String secret) {
    this.key = keyOf(secret);
  }

  /** The key bytes of a {@code whsec_<base64>} secret; rejects anything else. */
  static byte[] keyOf(String secret) {
    if (secret == null || !secret.startsWith(PREFIX) || secret.length() == PREFIX.length()) {
      throw new IllegalArgumentException("A webhook secret looks like whsec_<base64 key>");
    }
    try {
      return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The part of the webhook secret after whsec_ is not base64", e);
    }
  }

  String sign(String webhookId, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] content = (webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8);
      return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(content));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
    }
  }
}
