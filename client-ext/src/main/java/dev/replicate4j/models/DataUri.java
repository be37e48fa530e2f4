package dev.replicate4j.models;

import java.net.URLDecoder;
import java.nio.charset.Charset;
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
    // The JDK's decoder, with one char per byte (ISO-8859-1) so that each escape gives exactly
    // its byte and unescaped text its UTF-8 bytes; '+' is a plain character in a data URI.
    Charset latin1 = StandardCharsets.ISO_8859_1;
    String bytes = new String(payload.getBytes(StandardCharsets.UTF_8), latin1);
    try {
      return URLDecoder.decode(bytes.replace("+", "%2B"), latin1).getBytes(latin1);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("has a broken %-escape (" + e.getMessage() + ")", e);
    }
  }
}
