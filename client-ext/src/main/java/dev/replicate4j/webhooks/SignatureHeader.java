package dev.replicate4j.webhooks;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Parses {@code webhook-signature}: space-separated {@code version,base64} entries. Only {@code v1}
 * (HMAC-SHA256) entries are kept; other versions belong to other schemes and are skipped, so a
 * sender can add them, or rotate keys by sending several {@code v1} entries.
 */
final class SignatureHeader {
  static final String VERSION = "v1";
  private static final int HMAC_SHA256_BYTES = 32;

  private SignatureHeader() {}

  /** The decoded {@code v1} signatures, at least one. */
  static List<byte[]> v1Signatures(String header) {
    List<byte[]> signatures = new ArrayList<>();
    int position = 0;
    for (String entry : header.split(" ")) {
      if (entry.isEmpty()) {
        continue; // tolerate doubled spaces between entries
      }
      position++;
      int comma = entry.indexOf(',');
      if (comma <= 0 || comma == entry.length() - 1) {
        throw malformed("entry " + position + " is not 'version,signature'");
      }
      if (!entry.substring(0, comma).equals(VERSION)) {
        continue;
      }
      byte[] signature;
      try {
        signature = Base64.getDecoder().decode(entry.substring(comma + 1));
      } catch (IllegalArgumentException e) {
        throw malformed("entry " + position + " is not valid base64");
      }
      if (signature.length != HMAC_SHA256_BYTES) {
        throw malformed("entry " + position + " decodes to " + signature.length
            + " bytes, not the " + HMAC_SHA256_BYTES + " of an HMAC-SHA256");
      }
      signatures.add(signature);
    }
    if (signatures.isEmpty()) {
      throw malformed(position == 0 ? "has no entries"
          : "has no " + VERSION + " entry among its " + position + " entries");
    }
    return signatures;
  }

  private static WebhookVerificationException malformed(String problem) {
    return WebhookVerificationException.malformedHeader(WebhookVerifier.SIGNATURE_HEADER, problem);
  }
}
