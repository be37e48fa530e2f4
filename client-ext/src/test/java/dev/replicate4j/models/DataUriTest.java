package dev.replicate4j.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Percent-encoded data URIs decode to exactly their bytes. */
class DataUriTest {
  private static byte[] decode(String uri) {
    return DataUri.parse(uri).decode();
  }

  @Test
  void escapesGiveTheirBytesAndPlusStaysAPlus() {
    assertThat(decode("data:,a+b%20c")).isEqualTo("a+b c".getBytes(StandardCharsets.US_ASCII));
    assertThat(decode("data:,%e2%82%AC%00%ff")).containsExactly(0xe2, 0x82, 0xac, 0x00, 0xff);
    assertThat(decode("data:,\u00e9")).isEqualTo("\u00e9".getBytes(StandardCharsets.UTF_8));
    assertThat(decode("data:text/plain;base64,aGk="))
        .isEqualTo("hi".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void aBrokenEscapeIsRefusedSayingSo() {
    assertThatThrownBy(() -> decode("data:,ab%4")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("has a broken %-escape");
    assertThatThrownBy(() -> decode("data:,%zz")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("has a broken %-escape");
  }
}
