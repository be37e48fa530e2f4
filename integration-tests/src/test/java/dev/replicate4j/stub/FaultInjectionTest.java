package dev.replicate4j.stub;

import static dev.replicate4j.stub.StubHttp.IMAGE;
import static dev.replicate4j.stub.StubHttp.REMBG;
import static dev.replicate4j.stub.StubHttp.SD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import com.squareup.moshi.JsonEncodingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaultInjectionTest extends StubHttpTest {
  @Test
  void rateLimitWithRetryAfterHeaderCreatesNothingThenTheNextCreateWorks() {
    stub.failNext(RequestKind.CREATE, Fault.rateLimitedWithHeader(3));

    StubHttp.Reply limited = http.create(SD, Map.of());
    assertThat(limited.code).isEqualTo(429);
    assertThat(limited.headers.get("Retry-After")).isEqualTo("3");
    assertThat(limited.contentType()).isEqualTo("application/problem+json");
    assertThat((String) limited.json().get("detail")).contains("throttled");
    assertThat(limited.json()).doesNotContainKey("retry_after");
    assertThat(stub.predictionsCreated()).isZero();

    assertThat(http.create(SD, Map.of()).code).isEqualTo(200);
    assertThat(stub.predictionsCreated()).isEqualTo(1);
  }

  @Test
  void serviceUnavailableWithRetryAfterCreatesNothing() {
    stub.failNext(RequestKind.CREATE, Fault.unavailableWithRetryAfter(7));

    StubHttp.Reply unavailable = http.create(SD, Map.of());
    assertThat(unavailable.code).isEqualTo(503);
    assertThat(unavailable.headers.get("Retry-After")).isEqualTo("7");
    assertThat(stub.predictionsCreated()).isZero();
  }

  @Test
  void rateLimitWithRetryAfterInTheBody() {
    stub.failNext(RequestKind.GET, Fault.rateLimitedWithBody(5));
    String id = http.createId(SD, Map.of());

    StubHttp.Reply limited = http.get(id);
    assertThat(limited.code).isEqualTo(429);
    assertThat(limited.headers.get("Retry-After")).isNull();
    assertThat(limited.json()).containsEntry("retry_after", 5.0).containsEntry("status", 429.0);
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504})
  void serverErrorsAnswerTheNextNRequestsOfTheirKindOnly(int code) {
    String id = http.createId(SD, Map.of());
    stub.failNext(RequestKind.GET, 2, Fault.status(code));

    assertThat(http.get(id).code).isEqualTo(code);
    assertThat(http.cancel(id).code).isEqualTo(200);
    StubHttp.Reply second = http.get(id);
    assertThat(second.code).isEqualTo(code);
    assertThat(second.contentType()).isEqualTo("application/problem+json");
    assertThat(second.json()).containsEntry("status", (double) code);
    assertThat(http.get(id).code).isEqualTo(200);
    assertThat(stub.pendingFaults(RequestKind.GET)).isZero();
  }

  @Test
  void statusFaultWithItsOwnBodyLikeAGatewayPage() {
    stub.failNext(RequestKind.CREATE, Fault.status(502, "text/html", "<html>502 Bad Gateway</html>"));

    StubHttp.Reply reply = http.create(SD, Map.of());
    assertThat(reply.code).isEqualTo(502);
    assertThat(reply.contentType()).isEqualTo("text/html");
    assertThat(reply.body).isEqualTo("<html>502 Bad Gateway</html>");
  }

  @Test
  void droppedConnectionBeforeTheResponseStillCreatesThePrediction() {
    stub.failNext(RequestKind.CREATE, Fault.dropBeforeResponse());

    assertThatThrownBy(() -> http.create(SD, Map.of()))
        .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(IOException.class);
    // The server acted before the connection broke: a client that resends creates a second one.
    assertThat(stub.predictionsCreated()).isEqualTo(1);
    assertThat(http.create(SD, Map.of()).code).isEqualTo(200);
    assertThat(stub.predictionsCreated()).isEqualTo(2);
  }

  @Test
  void droppedConnectionMidBodySendsHeadersThenBreaks() throws IOException {
    String id = createdWithAFaultyGet(Fault.dropMidBody());

    try (Response response = get(id, http.client)) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.header("Content-Type")).isEqualTo("application/json");
      assertThatThrownBy(() -> response.body().string()).isInstanceOf(IOException.class);
    }
    assertThat(http.get(id).code).isEqualTo(200);
  }

  @Test
  void stallAfterHeadersSendsHeadersThenNothing() throws IOException {
    String id = createdWithAFaultyGet(Fault.stallAfterHeaders());

    try (Response response = get(id, impatient())) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body().contentLength()).isPositive();
      assertThatThrownBy(() -> response.body().string())
          .isInstanceOf(SocketTimeoutException.class);
    }
    assertThat(stub.journal().requests(RequestKind.GET).get(0).fault())
        .contains("stall after headers");
    assertThat(http.get(id).code).as("other connections are served").isEqualTo(200);
  }

  @Test
  void stallMidBodySendsHalfTheBodyThenNothing() throws IOException {
    String id = createdWithAFaultyGet(Fault.stallMidBody());

    try (Response response = get(id, impatient())) {
      assertThat(response.code()).isEqualTo(200);
      okio.Buffer received = new okio.Buffer();
      assertThatThrownBy(() -> {
        while (response.body().source().read(received, 1) != -1) {
          // read what comes, byte by byte, until the stall times the read out
        }
      }).isInstanceOf(SocketTimeoutException.class);
      assertThat(received.size()).isPositive().isLessThan(response.body().contentLength());
    }
  }

  @Test
  void resetMidBodyBreaksTheConnectionAbruptly() throws IOException {
    String id = createdWithAFaultyGet(Fault.resetMidBody());

    try (Response response = get(id, http.client)) {
      assertThat(response.code()).isEqualTo(200);
      assertThatThrownBy(() -> response.body().string()).isInstanceOf(IOException.class);
    }
    assertThat(http.get(id).code).isEqualTo(200);
  }

  @Test
  void closeAfterResponseAnswersInFullThenClosesTheConnection() {
    stub.failNext(RequestKind.CREATE, Fault.closeAfterResponse());

    StubHttp.Reply created = http.create(SD, Map.of());

    assertThat(created.code).isEqualTo(200);
    assertThat(created.headers.get("Connection")).as("not announced").isNull();
    assertThat(created.json()).containsKey("id");
    // A client that writes its next request to the pooled connection finds it dead.
    String id = (String) created.json().get("id");
    assertThatThrownBy(() -> http.get(id)).isInstanceOf(UncheckedIOException.class);
    assertThat(http.get(id).code).isEqualTo(200);
  }

  @Test
  void droppedConnectionMidBodyOfAFile() throws IOException {
    String id = http.createId(REMBG, Map.of("image", IMAGE));
    String url = (String) http.awaitTerminal(id).get("output");
    int full = http.download(url).bytes.length;
    stub.failNext(RequestKind.FILE, Fault.dropMidBody());

    try (Response response = http.client.newCall(new Request.Builder().url(url).build()).execute()) {
      assertThat(response.body().contentLength()).isEqualTo(full);
      assertThatThrownBy(() -> response.body().bytes()).isInstanceOf(IOException.class);
    }
  }

  @Test
  void slowResponseTimesOutAShortReadTimeoutAndIsDeliveredToAPatientClient() {
    String id = http.createId(SD, Map.of());
    stub.failNext(RequestKind.GET, 2, Fault.slow(Duration.ofMillis(1500)));
    OkHttpClient impatient = http.client.newBuilder().readTimeout(Duration.ofMillis(200)).build();

    assertThatThrownBy(() -> new StubHttp(stub, impatient).get(id))
        .hasCauseInstanceOf(SocketTimeoutException.class);
    StubHttp.Reply patient = http.get(id);
    assertThat(patient.code).isEqualTo(200);
    assertThat(patient.json()).containsEntry("id", id);
  }

  @Test
  void malformedJsonKeepsStatusAndTypeButDoesNotParse() {
    stub.failNext(RequestKind.CREATE, Fault.malformedJson());

    StubHttp.Reply reply = http.create(SD, Map.of());
    assertThat(reply.code).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo("application/json");
    assertThatThrownBy(reply::json).hasRootCauseInstanceOf(JsonEncodingException.class);
    assertThat(stub.predictionsCreated()).isEqualTo(1);
  }

  @Test
  void expiredFileLinkViaA404Fault() {
    String id = http.createId(REMBG, Map.of("image", IMAGE));
    String url = (String) http.awaitTerminal(id).get("output");
    stub.failNext(RequestKind.FILE, Fault.status(404));

    assertThat(http.download(url).code).isEqualTo(404);
    assertThat(http.download(url).code).isEqualTo(200);
  }

  @Test
  void cancelNotSupportedViaA405Fault() {
    String id = http.createId(SD, Map.of());
    stub.failNext(RequestKind.CANCEL, Fault.status(405));

    assertThat(http.cancel(id).code).isEqualTo(405);
    assertThat(stub.status(id)).isNotEqualTo("canceled");
  }

  @Test
  void listFaults() {
    stub.failNext(RequestKind.LIST, Fault.status(503));

    assertThat(http.call(http.api("").build()).code).isEqualTo(503);
    assertThat(http.call(http.api("").build()).code).isEqualTo(200);
  }

  @Test
  void unknownStatusForAWhileThenSucceeds() {
    stub.nextOutcome(Outcome.unknownStatus("queued_for_gpu", Duration.ofMillis(300)));

    Map<String, Object> created = http.create(SD, Map.of()).json();
    assertThat(created).containsEntry("status", "queued_for_gpu");
    List<Map<String, Object>> seen = http.pollUntilTerminal((String) created.get("id"));
    assertThat(seen.get(seen.size() - 1)).containsEntry("status", "succeeded");
  }

  @Test
  void abortedNeverStarts() {
    stub.nextOutcome(Outcome.aborted());

    Map<String, Object> done = http.awaitTerminal(http.createId(SD, Map.of()));
    assertThat(done).containsEntry("status", "aborted").containsEntry("started_at", null)
        .containsEntry("output", null);
    assertThat(done.get("completed_at")).isNotNull();
  }

  @Test
  void failedWithErrorAndLogs() {
    stub.nextOutcome(Outcome.failed("CUDA out of memory"));

    Map<String, Object> done = http.awaitTerminal(http.createId(SD, Map.of()));
    assertThat(done).containsEntry("status", "failed").containsEntry("error", "CUDA out of memory")
        .containsEntry("output", null);
    assertThat((String) done.get("logs")).contains("Traceback", "CUDA out of memory");
  }

  @Test
  void dataRemovedSucceedsWithNullOutput() {
    stub.nextOutcome(Outcome.dataRemoved());

    Map<String, Object> done = http.awaitTerminal(http.createId(SD, Map.of()));
    assertThat(done).containsEntry("status", "succeeded").containsEntry("output", null)
        .containsEntry("data_removed", true);
  }

  @Test
  void outcomesApplyToTheNextPredictionsInOrder() {
    stub.nextOutcomes(2, Outcome.failed("boom"));

    assertThat(http.awaitTerminal(http.createId(SD, Map.of()))).containsEntry("status", "failed");
    assertThat(http.awaitTerminal(http.createId(SD, Map.of()))).containsEntry("status", "failed");
    assertThat(http.awaitTerminal(http.createId(SD, Map.of()))).containsEntry("status", "succeeded");
  }

  @Test
  void testsCanPinAStatusAndChangeAnOutcome() {
    try (StubRelay slow = StubRelay.builder()
            .schedule(Schedule.of(Duration.ofMillis(50), Duration.ofSeconds(30))).build().start();
        StubHttp client = new StubHttp(slow)) {
      String pinned = client.createId(SD, Map.of());
      slow.setStatus(pinned, "warming_up");
      assertThat(client.get(pinned).json()).containsEntry("status", "warming_up");
      slow.setStatus(pinned, "succeeded");
      assertThat(client.get(pinned).json()).containsEntry("status", "succeeded");
      assertThat(client.get(pinned).json().get("output")).asInstanceOf(LIST).hasSize(1);
      assertThatThrownBy(() -> slow.setStatus(pinned, "processing")).isInstanceOf(IllegalStateException.class);

      String other = client.createId(SD, Map.of());
      slow.setOutcome(other, Outcome.failed("changed my mind"));
      slow.setStatus(other, "failed");
      assertThat(client.get(other).json().get("error")).isNotNull();
      assertThatThrownBy(() -> slow.setStatus("nope", "failed")).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void faultArgumentsAreChecked() {
    assertThatThrownBy(() -> Fault.status(200)).hasMessageContaining("200");
    assertThatThrownBy(() -> Fault.slow(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> stub.failNext(RequestKind.OTHER, Fault.status(500)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> stub.failNext(RequestKind.GET, 0, Fault.status(500)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Outcome.unknownStatus("processing", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }


  /** A new prediction whose next GET the fault breaks; its id. */
  private String createdWithAFaultyGet(Fault fault) {
    String id = http.createId(SD, Map.of());
    stub.failNext(RequestKind.GET, fault);
    return id;
  }

  private Response get(String id, OkHttpClient client) throws IOException {
    return client.newCall(http.api("/" + id).build()).execute();
  }

  /** A client that gives up reading after 300 ms, so that a stall shows as a timeout. */
  private OkHttpClient impatient() {
    return http.client.newBuilder().readTimeout(Duration.ofMillis(300)).build();
  }
}
