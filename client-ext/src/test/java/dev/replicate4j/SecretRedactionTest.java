package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The API key never shows in toString(), exception messages or the SDK's logs. */
class SecretRedactionTest extends ServerTest {
  @Test
  void toStringOfClientAndBuilderHidesTheKey() {
    ReplicateClientBuilder builder = builder();
    try (ReplicateClient client = builder.build()) {
      assertThat(client.toString()).doesNotContain(TestHttp.API_KEY).contains("<redacted>")
          .contains(server.url("/").toString());
      assertThat(builder.toString()).doesNotContain(TestHttp.API_KEY).contains("<redacted>");
      HopHeaders auth = HopHeaders.forApi(HttpUrl.get(client.baseUrl()), TestHttp.API_KEY);
      assertThat(auth.toString()).doesNotContain(TestHttp.API_KEY);
    }
  }

  @Test
  void exceptionMessagesHideTheKey() throws Exception {
    server.enqueue(TestHttp.problem(401, "Unauthorized", "Invalid token."));
    server.enqueue(TestHttp.problem(500, "Internal Server Error", "boom"));
    List<Throwable> failures = new ArrayList<>();

    try (ReplicateClient client = builder()
        .retryPolicy(RetryPolicy.NONE).build()) {
      failures.add(catchThrowable(() -> client.get("p1")));
      failures.add(catchThrowable(() -> client.create(TestHttp.MODEL, TestHttp.input())));
    }
    try (ReplicateClient unreachable = ReplicateClient.builder().apiKey(TestHttp.API_KEY)
        .baseUrl("http://127.0.0.1:" + TestHttp.unusedPort()).retryPolicy(RetryPolicy.NONE)
        .build()) {
      failures.add(catchThrowable(() -> unreachable.get("p1")));
    }

    assertThat(failures).hasSize(3).doesNotContainNull();
    assertThat(failures.get(0)).isInstanceOf(AuthenticationException.class);
    assertThat(failures.get(1)).isInstanceOf(ServerException.class);
    assertThat(failures.get(2)).isInstanceOf(ConnectionException.class);
    for (Throwable failure : failures) {
      assertThat(stackTraceOf(failure)).as(failure.toString()).doesNotContain(TestHttp.API_KEY);
      if (failure instanceof ApiException) {
        assertThat(((ApiException) failure).headers().toString())
            .doesNotContain(TestHttp.API_KEY);
      }
    }
  }

  @Test
  void debugLogsShowRequestLinesButNeverTheKey() throws Exception {
    assertThat(LoggerFactory.getLogger("dev.replicate4j.http").isDebugEnabled())
        .as("simplelogger.properties puts the SDK at debug").isTrue();
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "1").build());
    server.enqueue(PredictionJson.prediction("p1").created());
    server.enqueue(TestHttp.problem(401, "Unauthorized", "Invalid token."));

    String logs = captureStandardError(() -> {
      try (ReplicateClient client = builder().build()) {
        client.create(TestHttp.MODEL, TestHttp.input());
        catchThrowable(() -> client.get("p1"));
      }
    });

    String base = server.url("/").toString();
    assertThat(logs)
        .contains("--> POST " + base + "replicate/v1/predictions")
        .contains("<-- 429 POST " + base + "replicate/v1/predictions")
        .contains("<-- 201 POST " + base + "replicate/v1/predictions")
        .contains("retry 1/3 in 1000 ms")
        .contains("--> GET " + base + "replicate/v1/predictions/p1")
        .contains("<-- 401 GET " + base + "replicate/v1/predictions/p1")
        .doesNotContain(TestHttp.API_KEY)
        .doesNotContain("Bearer");
  }

  @Test
  void loggedUrlsKeepThePathButDropCredentialsQueryAndFragment() {
    HttpUrl url = HttpUrl.get(
        "https://user:" + TestHttp.API_KEY + "@api.chainhub.tech/replicate/v1/predictions/p1"
            + "?token=" + TestHttp.API_KEY + "#frag");

    assertThat(RequestLogger.loggable(url))
        .isEqualTo("https://api.chainhub.tech/replicate/v1/predictions/p1");
  }

  private static String captureStandardError(Runnable action) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    String text = captured.toString(StandardCharsets.UTF_8);
    original.print(text);
    return text;
  }

  private static String stackTraceOf(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
