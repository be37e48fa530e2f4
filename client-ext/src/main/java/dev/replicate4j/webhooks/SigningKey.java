package dev.replicate4j.webhooks;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The decoded webhook signing secret, and the one HMAC-SHA256 computation the scheme defines. */
final class SigningKey {
  static final String PREFIX = "whsec_";
  private static final String ALGORITHM = "HmacSHA256";
  private static final String EXPECTED =
      "expected '" + PREFIX + "' followed by standard base64 (or the base64 part alone)";

  private final SecretKeySpec key;

  private SigningKey(SecretKeySpec key) {
    this.key = key;
  }

  /**
   * Decodes {@code whsec_<base64>} or bare base64. Error messages describe the problem without
   * quoting the value: any part of it is part of the secret.
   */
  static SigningKey parse(String secret) {
    Objects.requireNonNull(secret, "secret");
    String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
    if (encoded.isEmpty()) {
      throw new IllegalArgumentException("The webhook secret is empty: " + EXPECTED);
    }
    if (!encoded.equals(encoded.strip())) {
      throw new IllegalArgumentException(
          "The webhook secret has leading or trailing whitespace (a newline from a file or an"
              + " environment variable?): " + EXPECTED);
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      // Not chained: the decoder's message quotes the offending character of the secret.
      throw new IllegalArgumentException("The webhook secret is not valid (" + secret.length()
          + " characters, not shown): " + EXPECTED);
    }
    if (bytes.length == 0) {
      throw new IllegalArgumentException("The webhook secret decodes to no bytes: " + EXPECTED);
    }
    SigningKey key = new SigningKey(new SecretKeySpec(bytes, ALGORITHM));
    key.newMac(); // fail now, not on the first delivery, if the platform cannot use the key
    return key;
  }

  /** HMAC-SHA256 of {@code {id}.{timestamp}.{body}}, with id and timestamp exactly as sent. */
  byte[] sign(String id, String timestamp, byte[] body) {
    Mac mac = newMac();
    mac.update(id.getBytes(UTF_8));
    mac.update((byte) '.');
    mac.update(timestamp.getBytes(UTF_8));
    mac.update((byte) '.');
    mac.update(body);
    return mac.doFinal();
  }

  /** A fresh Mac per call: Mac instances are not thread-safe, and creating one is cheap. */
  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      // Every Java platform must support HmacSHA256; reaching this means a broken JCA setup.
      throw new IllegalStateException(ALGORITHM + " is not usable on this Java platform", e);
    }
  }

  @Override
  public String toString() {
    return "SigningKey{redacted}";
  }
}
