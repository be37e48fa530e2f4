package dev.replicate4j.models;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads and writes {@code data:[<media type>][;base64],<data>} URIs (RFC 2397). */
record DataUri(Optional<String> mimeType, boolean base64, String payload) {
  static final Pattern MIME =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*");

  static boolean looksLikeOne(String text) {
    return text.regionMatches(true, 0, "data:", 0, 5);
  }

  /** Encodes content as a base64 data URI. */
  static String encode(String mimeType, byte[] content) {
    return "data:" + mimeType + ";base64," + Base64.getEncoder().encodeToString(content);
  }

  /**
   * Parses a data URI.
   *
   * @throws IllegalArgumentException saying what is malformed
   */
  static DataUri parse(String text) {
    if (!looksLikeOne(text)) {
      throw new IllegalArgumentException("does not start with data:");
    }
    int comma = text.indexOf(',');
    if (comma < 0) {
      throw new IllegalArgumentException("has no ',' between the media type and the data");
    }
    String[] header = text.substring(5, comma).split(";", -1);
    String mimeType = header[0].isEmpty() ? null : header[0];
    if (mimeType != null && !MIME.matcher(mimeType).matches()) {
      throw new IllegalArgumentException(
          "has a media type that is not like image/png: " + mimeType);
    }
    boolean base64 = header.length > 1
        && header[header.length - 1].toLowerCase(Locale.ROOT).equals("base64");
    return new DataUri(Optional.ofNullable(mimeType), base64, text.substring(comma + 1));
  }

  /**
   * The content.
   *
   * @throws IllegalArgumentException if the base64 or percent-encoding is broken
   */
  byte[] decode() {
    if (base64) {
      return Base64.getDecoder().decode(payload);
    }
    byte[] raw = payload.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == '%') {
        if (i + 2 >= raw.length) {
          throw new IllegalArgumentException("has a truncated %-escape");
        }
        int hi = Character.digit(raw[i + 1], 16);
        int lo = Character.digit(raw[i + 2], 16);
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException("has a bad %-escape");
        }
        out.write(hi * 16 + lo);
        i += 2;
      } else {
        out.write(raw[i]);
      }
    }
    return out.toByteArray();
  }
}
