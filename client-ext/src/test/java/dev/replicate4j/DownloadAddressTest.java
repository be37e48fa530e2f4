package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replicate4j.models.FileOutput;
import dev.replicate4j.models.ImageInput;
import dev.replicate4j.models.Models;
import dev.replicate4j.models.RembgInput;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.net.SocketFactory;
import mockwebserver3.MockResponse;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Output downloads refuse link-local addresses and cloud metadata names unless allowed, and hosts
 * off the builder's list. Names are mapped by a test {@link Dns}; a socket factory that refuses to
 * connect anywhere but loopback makes sure no test sends traffic elsewhere, whatever the SDK does.
 */
class DownloadAddressTest extends ServerTest {
  private static final Map<String, String> NAMES = Map.of(
      "evil.test", "169.254.169.254",
      "evil6.test", "fe80::1",
      "metadata.google.internal", "127.0.0.1",
      "files.test", "127.0.0.1",
      "other.test", "127.0.0.1");

  private static final MockResponse PNG = new MockResponse.Builder().body("PNG").build();

  @Test
  void aNameResolvingToTheMetadataAddressIsRefusedBeforeConnecting() throws Exception {
    assertThatThrownBy(() -> download("evil.test", UnaryOperator.identity()))
        .isInstanceOf(DownloadRefusedException.class)
        .hasMessage("Refused to download from evil.test: it resolves to 169.254.169.254, a"
            + " link-local address where cloud metadata services live"
            + " (allowLinkLocalDownloads(true) on the client's builder permits it)");
    assertThatThrownBy(() -> download("evil6.test", UnaryOperator.identity()))
        .isInstanceOf(DownloadRefusedException.class).hasMessageContaining("fe80:");
  }

  @Test
  void aLiteralLinkLocalAddressIsRefusedBeforeConnecting() {
    assertThatThrownBy(() -> download("169.254.169.254", UnaryOperator.identity()))
        .isInstanceOf(DownloadRefusedException.class)
        .hasMessageContaining("169.254.169.254, a link-local address");
    assertThatThrownBy(() -> download("[fe80::a9fe:a9fe]", UnaryOperator.identity()))
        .isInstanceOf(DownloadRefusedException.class);
  }

  @Test
  void aMetadataNameIsRefusedUnlessAllowed() throws Exception {
    assertThatThrownBy(() -> download("metadata.google.internal", UnaryOperator.identity()))
        .isInstanceOf(DownloadRefusedException.class)
        .hasMessageContaining("a cloud metadata service name");

    assertThat(download("metadata.google.internal", b -> b.allowLinkLocalDownloads(true), PNG))
        .isEqualTo("PNG");
  }

  @Test
  void aRedirectToALinkLocalAddressIsRefused() {
    MockResponse redirect = new MockResponse.Builder().code(302)
        .setHeader("Location", "http://evil.test:" + server.getPort() + "/latest/meta-data/")
        .build();

    assertThatThrownBy(() -> download("files.test", UnaryOperator.identity(), redirect))
        .isInstanceOf(DownloadRefusedException.class)
        .hasMessageContaining("evil.test: it resolves to 169.254.169.254");
  }

  @Test
  void onlyListedDownloadHostsAreFetchedRedirectsIncluded() throws Exception {
    UnaryOperator<ReplicateClientBuilder> onlyFiles = b -> b.downloadHosts("FILES.test");
    assertThat(download("files.test", onlyFiles, PNG)).isEqualTo("PNG");

    assertThatThrownBy(() -> download("other.test", onlyFiles))
        .isInstanceOf(DownloadRefusedException.class)
        .hasMessage("Refused to download from other.test: not one of the download hosts the"
            + " client allows (files.test)");

    MockResponse redirect = new MockResponse.Builder().code(302)
        .setHeader("Location", "http://other.test:" + server.getPort() + "/x.png").build();
    assertThatThrownBy(() -> download("files.test", onlyFiles, redirect))
        .isInstanceOf(DownloadRefusedException.class).hasMessageContaining("other.test");

    assertThat(download("files.test", b -> b.downloadHosts("*.test"), PNG)).isEqualTo("PNG");
  }

  @Test
  void downloadHostsAreNamesWithoutSchemePortOrPath() {
    for (String bad : new String[] {"", " ", "files.test:443", "https://files.test", "a/b"}) {
      assertThatThrownBy(() -> ReplicateClient.builder().downloadHosts(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Not a host name");
    }
    assertThatThrownBy(() -> ReplicateClient.builder().downloadHosts())
        .isInstanceOf(IllegalArgumentException.class);
    ReplicateClient.builder().downloadHosts("[::1]", "::1", "*.example.com", "127.0.0.1");
  }

  @Test
  void addressRanges() throws Exception {
    for (String refused : List.of("169.254.0.0", "169.254.255.255", "fe80::", "febf:ffff::1",
        "::ffff:169.254.169.254", "fd00:ec2::254")) {
      assertThat(DownloadGuard.forbidden(InetAddress.getByName(refused))).as(refused).isTrue();
    }
    for (String allowed : List.of("169.253.255.255", "169.255.0.0", "127.0.0.1", "10.0.0.1",
        "fec0::1", "::1", "2001:db8::1")) {
      assertThat(DownloadGuard.forbidden(InetAddress.getByName(allowed))).as(allowed).isFalse();
    }
  }

  /** Creates a prediction whose output is a file on {@code host}, and downloads it. */
  private String download(String host, UnaryOperator<ReplicateClientBuilder> options,
      MockResponse... fileResponses) throws IOException {
    String link = "http://" + host + ":" + server.getPort() + "/out.png";
    server.enqueue(PredictionJson.prediction("p1").succeeded().with("output", link).created());
    for (MockResponse response : fileResponses) {
      server.enqueue(response);
    }
    OkHttpClient http = new OkHttpClient.Builder().dns(DownloadAddressTest::lookup)
        .socketFactory(new LoopbackOnly()).build();
    try (ReplicateClient client = options.apply(
        builder().okHttpClient(http)).build()) {
      FileOutput file = client.run(Models.REMBG,
          RembgInput.builder().image(ImageInput.url("https://x.test/a.png")).build());
      try (InputStream in = file.openStream()) {
        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
      }
    }
  }

  private static List<InetAddress> lookup(String host) throws UnknownHostException {
    String address = NAMES.get(host);
    return address == null ? Dns.SYSTEM.lookup(host) : List.of(InetAddress.getByName(address));
  }

  /** Sockets that refuse to connect anywhere but this machine. */
  private static final class LoopbackOnly extends SocketFactory {
    @Override
    public Socket createSocket() {
      return new Socket() {
        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
          if (!((InetSocketAddress) endpoint).getAddress().isLoopbackAddress()) {
            throw new IOException("test refuses to connect to " + endpoint);
          }
          super.connect(endpoint, timeout);
        }
      };
    }

    @Override
    public Socket createSocket(String host, int port) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort) {
      throw new UnsupportedOperationException();
    }
  }
}
