package dev.replicate4j.stub;

import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.MockResponse;

/**
 * An RFC 7807 problem the stub answers with. Thrown by the handlers and turned into an
 * {@code application/problem+json} response by the dispatcher.
 */
final class Problem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final String title;
  final Map<String, Object> extra = new LinkedHashMap<>();

  Problem(int status, String title, String detail) {
    super(detail);
    this.status = status;
    this.title = title;
  }

  static Problem badRequest(String detail) {
    return new Problem(400, "Bad Request", detail);
  }

  static Problem unauthenticated(String detail) {
    return new Problem(401, "Unauthenticated", detail);
  }

  static Problem notFound(String detail) {
    return new Problem(404, "Not Found", detail);
  }

  static Problem invalid(String detail) {
    return new Problem(422, "Input validation failed", detail);
  }

  Problem with(String key, Object value) {
    extra.put(key, value);
    return this;
  }

  String detail() {
    return getMessage();
  }

  MockResponse toResponse() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("detail", detail());
    body.put("status", status);
    body.put("title", title);
    body.putAll(extra);
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/problem+json")
        .body(Json.write(body))
        .build();
  }

  /** The usual reason phrase of an error status, used as the title of injected problems. */
  static String titleOf(int status) {
    switch (status) {
      case 400: return "Bad Request";
      case 401: return "Unauthenticated";
      case 403: return "Forbidden";
      case 404: return "Not Found";
      case 405: return "Method Not Allowed";
      case 409: return "Conflict";
      case 422: return "Unprocessable Entity";
      case 429: return "Too Many Requests";
      case 500: return "Internal Server Error";
      case 502: return "Bad Gateway";
      case 503: return "Service Unavailable";
      case 504: return "Gateway Timeout";
      default: return status >= 500 ? "Server Error" : "Client Error";
    }
  }
}
