package dev.replicate4j.stub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class StubRelayMainTest {

  @Test
  void defaultsToAFreePortAndTheDefaultKey() {
    try (StubRelay stub = StubRelayMain.parse(new String[0]).build().start()) {
      assertThat(stub.port()).isPositive();
      assertThat(stub.apiKey()).isEqualTo(StubRelay.DEFAULT_API_KEY);
    }
  }

  @Test
  void takesPortAndKeyInBothSpellings() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    try (StubRelay stub = StubRelayMain.parse(new String[] {"--port", String.valueOf(port), "--api-key=k1"})
        .build().start()) {
      assertThat(stub.baseUrl()).isEqualTo("http://127.0.0.1:" + port);
      assertThat(stub.apiKey()).isEqualTo("k1");
    }
  }

  @Test
  void takesHttpsAndIpv6Flags() {
    try (StubRelay stub = StubRelayMain.parse(new String[] {"--https"}).build().start()) {
      assertThat(stub.baseUrl()).startsWith("https://127.0.0.1:");
      assertThat(stub.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
    }
    StubRelayBuilder ipv6 = StubRelayMain.parse(new String[] {"--ipv6", "--port", "0"});
    assertThat(ipv6.ipv6).isTrue();
    assertThat(ipv6.https).isFalse();
  }

  @Test
  void helpGivesNoBuilder() {
    assertThat(StubRelayMain.parse(new String[] {"--help"})).isNull();
    assertThat(StubRelayMain.USAGE).contains("--port", "--api-key", "--https", "--ipv6", StubRelay.DEFAULT_API_KEY);
  }

  @Test
  void badArgumentsAreNamed() {
    assertThatThrownBy(() -> StubRelayMain.parse(new String[] {"--prot", "1"})).hasMessageContaining("--prot");
    assertThatThrownBy(() -> StubRelayMain.parse(new String[] {"--port"})).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> StubRelayMain.parse(new String[] {"--port", "eighty"})).hasMessageContaining("eighty");
    assertThatThrownBy(() -> StubRelayMain.parse(new String[] {"--port", "70000"})).hasMessageContaining("70000");
    assertThatThrownBy(() -> StubRelayMain.parse(new String[] {"--api-key", " "})).hasMessageContaining("apiKey");
  }
}
