package dev.replicate4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.replicate4j.AuthenticationException;
import dev.replicate4j.ConnectionException;
import dev.replicate4j.MalformedResponseException;
import dev.replicate4j.Prediction;
import dev.replicate4j.PredictionFailedException;
import dev.replicate4j.PredictionHandle;
import dev.replicate4j.PredictionStatus;
import dev.replicate4j.ReplicateClient;
import dev.replicate4j.ReplicateException;
import dev.replicate4j.ServerException;
import dev.replicate4j.models.FileOutputs;
import dev.replicate4j.models.Models;
import dev.replicate4j.models.SdxlInput;
import dev.replicate4j.stub.Fault;
import dev.replicate4j.stub.RecordedCall;
import dev.replicate4j.stub.RequestKind;
import dev.replicate4j.stub.StubRelay;
import dev.replicate4j.stub.junit.ReplicateStubExtension;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A relay that answers in ways the real one should not: ids that cannot go into a URL, numbers at
 * the edges, an {@code error} object, a redirect to another host, a proxy's HTML page. Each ends in
 * a {@link ReplicateException} of the right kind, and none costs a second prediction.
 */
class HostileRelayTest {
  /** The stub answers at once despite Prefer: wait, so runs go on by polling. */
  @RegisterExtension
  static final ReplicateStubExtension RELAY = ReplicateStubExtension.create()
      .configureStub(stub -> stub.honourPreferWait(false));

  @ParameterizedTest
  @ValueSource(strings = {"..", ".", "a/b", "a b", "p1?q", "%2e%2e"})
  void aCreatedPredictionWithAnUnusableIdIsReportedAndNeverPolled(String id,
      ReplicateClient client, StubRelay stub) {
    stub.failNext(RequestKind.CREATE, Fault.fields(json("id", id)));

    MalformedResponseException e = catchThrowableOfType(
        () -> client.run(Models.SDXL, Inputs.sdxl()), MalformedResponseException.class);

    assertThat(e.statusCode()).isBetween(200, 201);
    assertThat(e.body()).contains("\"status\":").contains("\"id\":");
    assertThat(e.getMessage()).contains("cannot be used in a URL")
        .contains("may have been created").contains("canceled (not even on a best-effort basis)");
    assertThat(stub.predictionsCreated()).isEqualTo(1);
    assertThat(JournalChecks.apiRequests(stub)).hasSize(1);
  }

  @Test
  void numbersAtTheEdgesAreReadExactlyAndSpoilOnlyTheirField(ReplicateClient client,
      StubRelay stub) {
    PredictionHandle<FileOutputs> handle = client.create(Models.SDXL,
        SdxlInput.builder().prompt("a fox").seed(Long.MAX_VALUE).build());
    stub.failNext(RequestKind.GET, Fault.fields("{\"metrics\":{\"predict_time\":1e309,"
        + "\"image_count\":9007199254740993},\"extra\":123456789012345678901234567890}"));

    Prediction p = handle.refresh();

    assertThat(stub.journal().creates().get(0).body()).contains("\"seed\":9223372036854775807");
    assertThat(p.input()).containsEntry("seed", Long.MAX_VALUE);
    assertThat(p.metrics()).containsEntry("image_count", 9007199254740993L)
        .containsEntry("predict_time", new BigDecimal("1e309"));
    assertThat(p.json()).containsEntry("extra", new BigInteger("123456789012345678901234567890"));
    assertThatThrownBy(p::predictTime).isInstanceOf(ReplicateException.class)
        .hasMessageContaining("metrics.predict_time is not a number a double can hold");
    assertThat(handle.await().status()).isEqualTo(PredictionStatus.SUCCEEDED);
  }

  @Test
  void anErrorObjectFailsThePredictionReadably(ReplicateClient client, StubRelay stub) {
    stub.failNext(RequestKind.GET, Fault.fields(
        "{\"status\":\"failed\",\"error\":{\"code\":\"E1001\",\"detail\":\"CUDA out of memory\"}}"));

    PredictionFailedException e = catchThrowableOfType(
        () -> client.run(Models.SDXL, Inputs.sdxl()), PredictionFailedException.class);

    assertThat(e.getMessage())
        .endsWith("failed: {\"code\":\"E1001\",\"detail\":\"CUDA out of memory\"}");
    assertThat(e.prediction().toString()).contains("error={\"code\":\"E1001\"");
  }

  /**
   * Redirects are followed, the token never: another host (here a second relay with its own key)
   * sees the poll without it and answers 401.
   */
  @Test
  void aRedirectedPollArrivesAtAnotherHostWithoutTheToken(ReplicateClient client,
      StubRelay stub) {
    try (StubRelay other = StubRelay.builder().apiKey("chk_other_9f8e7d6c5b4a").build().start()) {
      PredictionHandle<FileOutputs> handle = client.create(Models.SDXL, Inputs.sdxl());
      stub.failNext(RequestKind.GET, Fault.redirect(307,
          other.baseUrl() + "/replicate/v1/predictions/" + handle.id()));

      assertThatThrownBy(handle::refresh).isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("HTTP 401");

      List<RecordedCall> seen = other.journal().requests();
      assertThat(seen).hasSize(1).noneMatch(RecordedCall::hasAuthorization);
      assertThat(seen.get(0).headerNames()).doesNotContain("authorization");
    }
  }

  /**
   * A create redirected to another origin is refused before its input is written there, sync or
   * async, and is not sent again: the input may hold the user's images.
   */
  @Test
  void aCreateRedirectedToAnotherHostIsRefusedBeforeItsInputGoesThere(ReplicateClient client,
      StubRelay stub) {
    try (StubRelay other = StubRelay.builder().apiKey("chk_other_9f8e7d6c5b4a").build().start()) {
      String elsewhere = other.baseUrl() + "/replicate/v1/predictions";
      stub.failNext(RequestKind.CREATE, Fault.redirect(307, elsewhere));
      ConnectionException sync = catchThrowableOfType(
          () -> client.run(Models.SDXL, Inputs.sdxl()), ConnectionException.class);
      stub.failNext(RequestKind.CREATE, Fault.redirect(308, elsewhere));
      Throwable async = catchThrowable(() -> client.createAsync(Models.SDXL, Inputs.sdxl()).join());

      assertThat(sync.getMessage()).contains("refused to follow a redirect of POST to http://")
          .contains("another origin than the API's").contains("may exist");
      assertThat(sync.mayHaveCreated()).isTrue();
      assertThat(async).isInstanceOf(CompletionException.class)
          .cause().isInstanceOf(ConnectionException.class)
          .hasMessageContaining("refused to follow a redirect of POST");
      assertThat(other.journal().requests()).isEmpty();
      assertThat(JournalChecks.apiRequests(stub)).hasSize(2);
      assertThat(stub.predictionsCreated()).isZero();
    }
  }

  @Test
  void aProxysHtmlPageIsAServerErrorNamingStatusAndContentType(ReplicateClient client,
      StubRelay stub) {
    String page = "<html><head><title>502 Bad Gateway</title></head><body>"
        + "<center><h1>502 Bad Gateway</h1></center>" + "<!-- padding -->".repeat(10_000)
        + "</body></html>";
    stub.failNext(RequestKind.CREATE, Fault.status(502, "text/html", page));

    ServerException e = catchThrowableOfType(
        () -> client.run(Models.SDXL, Inputs.sdxl()), ServerException.class);

    assertThat(e.statusCode()).isEqualTo(502);
    assertThat(e.getMessage())
        .startsWith("create prediction failed with HTTP 502: a text/html body, not the API's JSON")
        .contains("<h1>502 Bad Gateway</h1>")
        .hasSizeLessThan(1000);
    assertThat(stub.predictionsCreated()).isZero();
  }

  private static String json(String field, String value) {
    return "{\"" + field + "\":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
  }
}
