package dev.replicate4j;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/** Turns an error response into the matching {@link ApiException} subtype. */
final class ErrorMapper {
  private static final int MAX_DETAIL = 500;
  private static final long MAX_BODY = 64 * 1024;

  private final Clock clock;

  ErrorMapper(Clock clock) {
    this.clock = clock;
  }

  ApiException toException(String operation, int code, Headers headers, ResponseBody body) {
    String text = readBody(body);
    Map<String, Object> json = parseJson(text);
    ProblemDetails problem = ProblemDetails.of(json);
    Map<String, List<String>> headerMap = new LinkedHashMap<>();
    for (String name : headers.names()) {
      headerMap.put(name.toLowerCase(Locale.ROOT), headers.values(name));
    }
    String contentType = headers.get("Content-Type");
    String detail = problem.detail().or(problem::title)
        .map(d -> MessageText.abbreviate(d, MAX_DETAIL))
        .orElse(json.isEmpty() && !text.isBlank() ? notJson(contentType, text)
            : "no detail given");
    String message = operation + " failed with HTTP " + code + ": " + detail;
    if (code == 401 || code == 403) {
      return new AuthenticationException(message
          + " (check the API key: " + ReplicateClient.API_KEY_ENV
          + " or ReplicateClient.builder().apiKey(...))",
          code, problem, headerMap);
    }
    if (code == 404) {
      return new NotFoundException(message, code, problem, headerMap);
    }
    if (code == 400 || code == 422) {
      return new InvalidInputException(message, code, problem, headerMap);
    }
    if (code == 429) {
      Duration retryAfter = RetryAfter.parse(headers.get("Retry-After"), json, clock).orElse(null);
      return new RateLimitException(message, code, problem, headerMap, retryAfter);
    }
    if (code >= 500) {
      return new ServerException(message, code, problem, headerMap);
    }
    return new ApiException(message, code, problem, headerMap);
  }

  /** The start of the body: enough for any problem document, bounded for any proxy page. */
  private static String readBody(ResponseBody body) {
    if (body == null) {
      return "";
    }
    try (body) {
      BufferedSource source = body.source();
      source.request(MAX_BODY);
      Buffer buffer = source.getBuffer();
      return buffer.readUtf8(Math.min(buffer.size(), MAX_BODY));
    } catch (IOException e) {
      return "(error body unreadable: " + e + ")";
    }
  }

  private static Map<String, Object> parseJson(String text) {
    String trimmed = text.trim();
    if (!trimmed.startsWith("{")) {
      return Map.of();
    }
    try {
      Map<String, Object> json = JsonCodec.MAP.fromJson(trimmed);
      return json == null ? Map.of() : json;
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
  }

  /**
   * Names a body that is not the API's JSON by its content type and shows its start: a proxy's
   * page, whatever its status.
   */
  static String notJson(String contentType, String text) {
    return "a " + (contentType == null ? "body without a Content-Type"
        : MessageText.abbreviate(contentType, 100) + " body")
        + ", not the API's JSON (a proxy's page?): " + abbreviate(text);
  }

  private static String abbreviate(String text) {
    String oneLine = text.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL) + "...";
  }
}
