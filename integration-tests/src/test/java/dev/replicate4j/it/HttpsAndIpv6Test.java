package dev.replicate4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replicate4j.ConnectionException;
import dev.replicate4j.ReplicateClient;
import dev.replicate4j.models.FileOutput;
import dev.replicate4j.models.ImageInput;
import dev.replicate4j.models.Models;
import dev.replicate4j.models.RembgInput;
import dev.replicate4j.stub.StubRelay;
import dev.replicate4j.stub.junit.ReplicateStubExtension;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import javax.net.ssl.SSLException;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stub as the service looks to other clients: output links over https (the official JS client
 * wraps only {@code https:} and {@code data:} links as files), and an API on the IPv6 loopback.
 * Each test runs a prediction and downloads its output through the SDK.
 */
class HttpsAndIpv6Test {

  @Test
  void runsAndDownloadsOverHttps() throws IOException {
    try (StubRelay stub = StubRelay.builder().https(true).build().start();
         ReplicateClient client = ReplicateStubExtension.clientBuilder(stub).build()) {
      assertThat(stub.baseUrl()).startsWith("https://127.0.0.1:");
      assertThat(stub.fileBaseUrl()).isEqualTo("https://localhost:" + stub.port());

      runAndDownload(client, stub);
    }
  }

  @Test
  void downloadsTrustWhatTheUsersOwnHttpClientTrusts() throws IOException {
    try (StubRelay stub = StubRelay.builder().https(true).build().start()) {
      HandshakeCertificates trust = stub.trustedCertificates();
      OkHttpClient own = new OkHttpClient.Builder()
          .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
          .build();
      try (ReplicateClient client = ReplicateClient.builder().baseUrl(stub.baseUrl())
          .apiKey(stub.apiKey()).okHttpClient(own).build()) {
        runAndDownload(client, stub);
      } finally {
        own.dispatcher().executorService().shutdown();
        own.connectionPool().evictAll();
      }
    }
  }

  @Test
  void aClientThatDoesNotTrustTheStubIsRefused() {
    try (StubRelay stub = StubRelay.builder().https(true).build().start();
         ReplicateClient client = ReplicateClient.builder().baseUrl(stub.baseUrl())
             .apiKey(stub.apiKey()).retryPolicy(ReplicateStubExtension.TEST_RETRY_POLICY).build()) {
      assertThatThrownBy(() -> client.run(Models.REMBG, input()))
          .isInstanceOf(ConnectionException.class)
          .hasCauseInstanceOf(SSLException.class);
      assertThat(stub.predictionsCreated()).isZero();
    }
  }

  @Test
  void theCertificateIsThereOnlyForHttps() {
    try (StubRelay plain = StubRelay.builder().build().start();
         StubRelay tls = StubRelay.builder().https(true).build().start()) {
      assertThat(plain.baseUrl()).startsWith("http://");
      assertThatThrownBy(plain::certificatePem).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("https(true)");
      assertThat(tls.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
      assertThat(tls.trustedCertificates().trustManager().getAcceptedIssuers()).hasSize(1);
    }
  }

  @ParameterizedTest(name = "https {0}")
  @ValueSource(booleans = {false, true})
  void runsAndDownloadsOnTheIpv6Loopback(boolean https) throws IOException {
    Assumptions.assumeTrue(ipv6LoopbackAvailable(), "no IPv6 loopback on this machine");
    try (StubRelay stub = StubRelay.builder().ipv6(true).https(https).build().start();
         ReplicateClient client = ReplicateStubExtension.clientBuilder(stub).build()) {
      String scheme = https ? "https" : "http";
      assertThat(stub.baseUrl()).isEqualTo(scheme + "://[::1]:" + stub.port());
      assertThat(stub.fileBaseUrl()).isEqualTo(scheme + "://[::1]:" + stub.port());

      runAndDownload(client, stub);
    }
  }

  private static void runAndDownload(ReplicateClient client, StubRelay stub) throws IOException {
    FileOutput cutout = client.run(Models.REMBG, input());

    assertThat(cutout.uri()).startsWith(stub.fileBaseUrl() + "/files/");
    try (InputStream in = cutout.openStream()) {
      assertThat(Magic.isRgbaPng(in.readAllBytes())).isTrue();
    }
    assertThat(stub.journal().files()).hasSize(1);
    JournalChecks.assertFilesFetchedWithoutToken(stub);
  }

  private static RembgInput input() {
    return RembgInput.builder().image(ImageInput.bytes(CatalogCase.tinyPng(), "image/png")).build();
  }

  private static boolean ipv6LoopbackAvailable() {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
