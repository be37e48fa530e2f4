package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Error responses become the matching exception, carrying status, problem details and headers. */
class ErrorMappingTest extends ServerAndClientTest {
  @Override
  ReplicateClientBuilder settings(ReplicateClientBuilder builder) {
    // No retries: each answer is mapped as it arrives.
    return builder.retryPolicy(RetryPolicy.NONE);
  }

  @Test
  void unauthorizedCarriesTheProblemDetailsAndHeaders() {
    server.enqueue(new MockResponse.Builder(TestHttp.problem(401, "Unauthorized",
        "Invalid token.")).setHeader("X-Request-Id", "req-7f3a").build());

    AuthenticationException e = getFails(AuthenticationException.class);

    assertThat(e.statusCode()).isEqualTo(401);
    assertThat(e.problem().detail()).contains("Invalid token.");
    assertThat(e.problem().title()).contains("Unauthorized");
    assertThat(e.problem().type()).contains("https://replicate.com/docs/errors#401");
    assertThat(e.problem().status()).contains(401);
    assertThat(e.headers()).containsEntry("x-request-id", List.of("req-7f3a"));
    assertThat(e.header("X-Request-ID")).contains("req-7f3a");
    assertThat(e).hasMessageContaining("get prediction p1").hasMessageContaining("HTTP 401")
        .hasMessageContaining("Invalid token.").hasMessageContaining("CHAINHUB_API_KEY");
  }

  @Test
  void forbiddenIsAnAuthenticationError() {
    server.enqueue(TestHttp.problem(403, "Forbidden", "This key may not use this model."));

    AuthenticationException e = getFails(AuthenticationException.class);

    assertThat(e.statusCode()).isEqualTo(403);
    assertThat(e.problem().detail()).contains("This key may not use this model.");
  }

  @Test
  void notFound() {
    server.enqueue(TestHttp.problem(404, "Not found", "No prediction with that id."));

    NotFoundException e = getFails(NotFoundException.class);

    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e).hasMessageContaining("No prediction with that id.");
  }

  @Test
  void unprocessableInputNamesTheField() {
    server.enqueue(TestHttp.json(422, "{\"title\":\"Input validation failed\",\"status\":422,"
        + "\"detail\":\"num_outputs: must be less than or equal to 4\","
        + "\"field\":\"num_outputs\"}"));

    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> client.create(TestHttp.MODEL, TestHttp.input()));

    assertThat(e.statusCode()).isEqualTo(422);
    assertThat(e.field()).contains("num_outputs");
    assertThat(e.problem().title()).contains("Input validation failed");
    assertThat(e).hasMessageContaining("create prediction")
        .hasMessageContaining("num_outputs: must be less than or equal to 4");
  }

  @Test
  void unprocessableInputNamesTheFieldFromAnInvalidFieldsList() {
    server.enqueue(TestHttp.json(422, "{\"detail\":\"Invalid input\",\"invalid_fields\":"
        + "[{\"field\":\"aspect_ratio\",\"description\":\"must be one of 1:1, 16:9\"}]}"));

    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> client.create(TestHttp.MODEL, TestHttp.input()));

    assertThat(e.field()).contains("aspect_ratio");
  }

  @Test
  void unprocessableInputWithoutAFieldSaysNothingAboutOne() {
    server.enqueue(TestHttp.problem(422, "Unprocessable Entity", "The input is wrong."));

    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> client.create(TestHttp.MODEL, TestHttp.input()));

    assertThat(e.field()).isEmpty();
  }

  @Test
  void rateLimitCarriesTheRetryDelayFromTheHeader() {
    server.enqueue(new MockResponse.Builder(TestHttp.problem(429, "Too Many Requests",
        "Request was throttled.")).setHeader("Retry-After", "30").build());

    RateLimitException e = getFails(RateLimitException.class);

    assertThat(e.statusCode()).isEqualTo(429);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
    assertThat(e.problem().detail()).contains("Request was throttled.");
  }

  @Test
  void rateLimitCarriesTheRetryDelayFromTheBody() {
    server.enqueue(
        TestHttp.json(429, "{\"detail\":\"Request was throttled.\",\"retry_after\":12}"));

    assertThat(getFails(RateLimitException.class).retryAfter()).contains(Duration.ofSeconds(12));
  }

  @Test
  void rateLimitWithoutADelaySaysSo() {
    server.enqueue(TestHttp.problem(429, "Too Many Requests", "Slow down."));

    assertThat(getFails(RateLimitException.class).retryAfter()).isEmpty();
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {500, 503})
  void serverErrors(int code) {
    server.enqueue(TestHttp.problem(code, "Server Error", "The upstream is unavailable."));

    ServerException e = getFails(ServerException.class);

    assertThat(e.statusCode()).isEqualTo(code);
    assertThat(e.problem().status()).contains(code);
    assertThat(e).hasMessageContaining("The upstream is unavailable.");
  }

  @Test
  void aNonJsonErrorBodyEndsUpInTheMessage() {
    server.enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
        .body("<html>\n<body><h1>502 Bad Gateway</h1>\n</body></html>\n").build());

    ServerException e = getFails(ServerException.class);

    assertThat(e.statusCode()).isEqualTo(502);
    assertThat(e.problem().json()).isEmpty();
    assertThat(e.problem().detail()).isEmpty();
    assertThat(e).hasMessageContaining("failed with HTTP 502: a text/html body, not the API's"
        + " JSON (a proxy's page?): <html> <body><h1>502 Bad Gateway</h1> </body></html>");
    assertThat(e.header("content-type")).contains("text/html");
  }

  @Test
  void aHugeProxyPageIsCutInTheMessage() {
    server.enqueue(new MockResponse.Builder().code(503)
        .setHeader("Content-Type", "text/html; charset=utf-8")
        .body("<html>" + "<p>overloaded</p>".repeat(500_000) + "</html>").build());

    ServerException e = getFails(ServerException.class);

    assertThat(e.statusCode()).isEqualTo(503);
    assertThat(e.getMessage()).hasSizeLessThan(1000)
        .contains("HTTP 503: a text/html; charset=utf-8 body, not the API's JSON")
        .endsWith("...");
  }

  @Test
  void anEmptyErrorBodyStillNamesTheStatus() {
    server.enqueue(new MockResponse.Builder().code(409).build());

    ApiException e = getFails(ApiException.class);

    assertThat(e.getClass()).isEqualTo(ApiException.class);
    assertThat(e.statusCode()).isEqualTo(409);
    assertThat(e).hasMessageContaining("HTTP 409").hasMessageContaining("no detail given");
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {404, 405})
  void cancelNotOfferedByTheServer(int code) {
    server.enqueue(TestHttp.problem(code, "Not supported", "No such route."));

    CancelNotSupportedException e =
        catchThrowableOfType(CancelNotSupportedException.class, () -> client.cancel("p1"));

    assertThat(e.statusCode()).isEqualTo(code);
    assertThat(e).hasMessageContaining("cancel prediction p1")
        .hasMessageContaining("may still be running");
    assertThat(e.problem().detail()).contains("No such route.");
  }

  private <T extends Throwable> T getFails(Class<T> type) {
    T e = catchThrowableOfType(type, () -> client.get("p1"));
    assertThat(e).as("expected %s", type.getSimpleName()).isNotNull();
    return e;
  }
}
