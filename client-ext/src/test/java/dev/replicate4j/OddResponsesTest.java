package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Successful answers that are not what they say, over a real socket: a proxy's page with 200, an
 * empty body, a body cut short. Each fails as a {@link ConnectionException} that names what was
 * wrong; a read cut short is retried, sync or async.
 */
class OddResponsesTest extends ServerTest {
  private static final String LOGIN_PAGE =
      "<html><head><title>Sign in</title></head><body>Please sign in to the proxy</body></html>";

  @ParameterizedTest(name = "create: {0}")
  @ValueSource(booleans = {true, false})
  void aProxysPageWithStatus200NamesItsTypeAndShowsItsStart(boolean create) {
    server.enqueue(new MockResponse.Builder().code(create ? 201 : 200)
        .setHeader("Content-Type", "text/html; charset=utf-8").body(LOGIN_PAGE).build());
    server.enqueue(PredictionJson.prediction("p1").created());

    try (ReplicateClient client = builder().build()) {
      assertThatThrownBy(() -> {
        if (create) {
          client.create(TestHttp.MODEL, TestHttp.input());
        } else {
          client.get("p1");
        }
      }).isInstanceOfSatisfying(ConnectionException.class, e -> {
        assertThat(e.getMessage())
            .contains("malformed response", "text/html", "not the API's JSON",
                "Please sign in to the proxy")
            .doesNotContain("setLenient");
        assertThat(e.mayHaveCreated()).isEqualTo(create);
      });
    }
    // A page is not a failed transfer: asking again would bring the same page.
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aPageCutMidCharacterAtTheShownKilobyteShowsNoBrokenCharacter() {
    // 2 + 340 * 3 + 2 bytes make the first kilobyte: it ends inside the 341st character.
    String page = "xx" + "\u65e5".repeat(400);
    server.enqueue(new MockResponse.Builder().code(200)
        .setHeader("Content-Type", "text/html; charset=utf-8").body(page).build());

    try (ReplicateClient client = builder().build()) {
      assertThatThrownBy(() -> client.get("p1"))
          .isInstanceOf(ConnectionException.class)
          .hasMessageContaining("not the API's JSON (a proxy's page?): xx" + "\u65e5".repeat(340))
          .hasMessageNotContaining("\ufffd");
    }
  }

  @Test
  void anEmptySuccessfulBodySaysItWasEmpty() {
    server.enqueue(new MockResponse.Builder().code(200)
        .setHeader("Content-Type", "application/json").body("").build());

    try (ReplicateClient client = builder().build()) {
      assertThatThrownBy(() -> client.get("p1"))
          .isInstanceOf(ConnectionException.class)
          .hasMessageContaining("an empty application/json body");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Content-Length past the end", "chunked without its last chunk"})
  void aReadWhoseBodyIsCutShortIsRetried(String fault) {
    server.enqueue(cutShort(fault));
    server.enqueue(PredictionJson.prediction("p1").ok());

    try (ReplicateClient client = builder().build()) {
      assertThat(client.get("p1").id()).isEqualTo("p1");
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeper.millis()).containsExactly(500L);
  }

  @Test
  void anAsyncReadWhoseBodyIsCutShortIsRetried() throws Exception {
    server.enqueue(cutShort("chunked without its last chunk"));
    server.enqueue(PredictionJson.prediction("p1").ok());

    try (ReplicateClient client = builder().build()) {
      assertThat(client.getAsync("p1").get(30, TimeUnit.SECONDS).id()).isEqualTo("p1");
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {301, 302})
  void aCreateMovedElsewhereOnTheSameHostIsNotTakenForAPrediction(int code) throws Exception {
    // OkHttp follows a 301 or 302 of a POST with a GET, here of a list that holds a prediction.
    server.enqueue(new MockResponse.Builder().code(code)
        .setHeader("Location", "/v2/predictions").build());
    server.enqueue(TestHttp.json(200, "{\"id\":\"old\",\"status\":\"succeeded\","
        + "\"results\":[],\"next\":null}"));

    try (ReplicateClient client = builder().build()) {
      assertThatThrownBy(() -> client.create(TestHttp.MODEL, TestHttp.input()))
          .isInstanceOfSatisfying(ConnectionException.class, e -> {
            assertThat(e.getMessage()).contains("HTTP " + code, "/v2/predictions", "base URL");
            assertThat(e.mayHaveCreated()).isTrue();
          });
    }
    assertThat(server.takeRequest().getMethod()).isEqualTo("POST");
    assertThat(server.takeRequest().getMethod()).isEqualTo("GET");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aCreateAnsweredSeeOtherGivesThePredictionItPointsAt() {
    server.enqueue(new MockResponse.Builder().code(303)
        .setHeader("Location", TestHttp.PREDICTIONS + "/p1").build());
    server.enqueue(PredictionJson.prediction("p1").ok());

    try (ReplicateClient client = builder().build()) {
      assertThat(client.create(TestHttp.MODEL, TestHttp.input()).id()).isEqualTo("p1");
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"get", "getAsync", "create"})
  void aNegativeContentLengthIsAMalformedAnswerNotACrash(String call) {
    // OkHttp read it as a negative byte count: an IllegalArgumentException out of every call.
    String json = "{\"id\":\"p1\",\"status\":\"starting\"}";
    server.enqueue(new MockResponse.Builder().code(call.equals("create") ? 201 : 200)
        .setHeader("Content-Type", "application/json").body(json)
        .setHeader("Content-Length", "-5").build());

    try (ReplicateClient client = builder().retryPolicy(RetryPolicy.NONE).build()) {
      assertThatThrownBy(() -> {
        switch (call) {
          case "get":
            client.get("p1");
            break;
          case "getAsync":
            client.getAsync("p1").get(30, TimeUnit.SECONDS);
            break;
          default:
            client.create(TestHttp.MODEL, TestHttp.input());
        }
      }).satisfies(thrown -> {
        Throwable e = thrown instanceof java.util.concurrent.ExecutionException
            ? thrown.getCause() : thrown;
        assertThat(e).isInstanceOf(ConnectionException.class)
            .hasMessageContaining("invalid Content-Length: -5");
        assertThat(((ConnectionException) e).mayHaveCreated()).isEqualTo(call.equals("create"));
      });
    }
  }

  /** A prediction whose body ends early, then the connection closes. */
  private static MockResponse cutShort(String fault) {
    String json = "{\"id\":\"p1\",\"status\":\"processing\",\"logs\":\"" + "x".repeat(4000) + "\"}";
    MockResponse.Builder response = new MockResponse.Builder().code(200)
        .setHeader("Content-Type", "application/json");
    if (fault.startsWith("Content-Length")) {
      return response.body(json.substring(0, 2000))
          .setHeader("Content-Length", json.length())
          .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build();
    }
    return response.chunkedBody(json, 512)
        .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build();
  }
}
