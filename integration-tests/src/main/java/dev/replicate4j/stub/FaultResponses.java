package dev.replicate4j.stub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okio.Buffer;

/** Turns a {@link Fault} into what MockWebServer sends. */
final class FaultResponses {
  /** Longer than any test waits; the stub's closing ends it. */
  private static final Duration STALL = Duration.ofHours(1);

  private FaultResponses() {}

  /** The answer for a status fault, given instead of handling the request. */
  static MockResponse instead(Fault fault) {
    if (fault.kind == Fault.Kind.REDIRECT) {
      return new MockResponse.Builder().code(fault.status).setHeader("Location", fault.body)
          .build();
    }
    if (fault.body != null) {
      return new MockResponse.Builder()
          .code(fault.status)
          .setHeader("Content-Type", fault.contentType)
          .body(fault.body)
          .build();
    }
    String detail = fault.status == 429
        ? "Request was throttled. Your rate limit resets in ~"
            + (fault.retryAfterHeader != null ? fault.retryAfterHeader
                : fault.retryAfterBody != null ? fault.retryAfterBody : 30) + "s."
        : Problem.titleOf(fault.status) + " (injected by the stub relay)";
    Problem problem = new Problem(fault.status, Problem.titleOf(fault.status), detail);
    if (fault.retryAfterBody != null) {
      problem.with("retry_after", fault.retryAfterBody);
    }
    MockResponse response = problem.toResponse();
    if (fault.retryAfterHeader != null) {
      response = response.newBuilder().setHeader("Retry-After", fault.retryAfterHeader).build();
    }
    return response;
  }

  /**
   * The real answer, spoiled the way the fault says.
   *
   * @param socket the connection the answer goes out on (null if not known)
   */
  static MockResponse spoil(Fault fault, MockResponse response, Socket socket) {
    MockResponse.Builder builder = response.newBuilder();
    switch (fault.kind) {
      case STALL_AFTER_HEADERS:
        // MockWebServer flushes the headers, then sleeps until the socket is closed.
        return builder.bodyDelay(STALL.toNanos(), TimeUnit.NANOSECONDS).build();
      case STALL_MID_BODY:
        return builder.onResponseBody(SocketEffect.Stall.INSTANCE).build();
      case RESET_MID_BODY:
        if (socket == null) {
          throw new IllegalStateException("No socket known for this request; cannot reset it");
        }
        try {
          // Closing with a zero linger time sends RST instead of FIN.
          socket.setSoLinger(true, 0);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return builder.onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build();
      case CLOSE_AFTER_RESPONSE:
        return builder.onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build();
      case DROP_BEFORE_RESPONSE:
        return builder.onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
      case DROP_MID_BODY:
        // MockWebServer closes the socket once half of the declared body length is written.
        return builder.onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build();
      case SLOW:
        return builder.headersDelay(fault.delay.toNanos(), TimeUnit.NANOSECONDS).build();
      case MALFORMED_JSON:
        String text = bodyOf(response);
        return builder.body(text.substring(0, text.length() / 2) + "<!-- truncated").build();
      case FIELDS:
        Object answer = Json.parse(bodyOf(response));
        if (!(answer instanceof Map)) {
          throw new IllegalStateException("A fields fault needs a JSON object answer: " + fault);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) answer;
        @SuppressWarnings("unchecked")
        Map<String, Object> replacements = (Map<String, Object>) Json.parse(fault.body);
        fields.putAll(replacements);
        // ExactJson writes each number with the exact value the test gave.
        return builder.body(Json.write(fields)).build();
      default:
        throw new IllegalStateException("Not a spoiling fault: " + fault);
    }
  }

  private static String bodyOf(MockResponse response) {
    Buffer body = new Buffer();
    try {
      if (response.getBody() != null) {
        response.getBody().writeTo(body);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return body.readUtf8();
  }
}
