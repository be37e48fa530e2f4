package dev.replicate4j.models;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Tells an image's type from its first bytes: PNG, JPEG, GIF and WEBP. */
final class MimeSniffer {
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] GIF87 = "GIF87a".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] GIF89 = "GIF89a".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] WEBP = "WEBP".getBytes(StandardCharsets.US_ASCII);

  private MimeSniffer() {}

  static Optional<String> sniff(byte[] content) {
    if (startsWith(content, 0, PNG)) {
      return Optional.of("image/png");
    }
    if (startsWith(content, 0, JPEG)) {
      return Optional.of("image/jpeg");
    }
    if (startsWith(content, 0, GIF87) || startsWith(content, 0, GIF89)) {
      return Optional.of("image/gif");
    }
    if (startsWith(content, 0, RIFF) && startsWith(content, 8, WEBP)) {
      return Optional.of("image/webp");
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] content, int offset, byte[] magic) {
    if (content.length < offset + magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (content[offset + i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
