package dev.replicate4j.models;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Tells an image's type from its first bytes: PNG, JPEG, GIF and WEBP. */
final class MimeSniffer {
  private MimeSniffer() {}

  static Optional<String> sniff(byte[] content) {
    // ISO-8859-1 maps each byte to the char of the same value, so magic numbers compare as text.
    String head = new String(content, 0, Math.min(content.length, 12), StandardCharsets.ISO_8859_1);
    if (head.startsWith("\u0089PNG\r\n\u001a\n")) {
      return Optional.of("image/png");
    }
    if (head.startsWith("\u00ff\u00d8\u00ff")) {
      return Optional.of("image/jpeg");
    }
    if (head.startsWith("GIF87a") || head.startsWith("GIF89a")) {
      return Optional.of("image/gif");
    }
    if (head.startsWith("RIFF") && head.startsWith("WEBP", 8)) {
      return Optional.of("image/webp");
    }
    return Optional.empty();
  }
}
