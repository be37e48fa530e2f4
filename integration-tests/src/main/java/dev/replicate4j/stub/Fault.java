package dev.replicate4j.stub;

import java.time.Duration;
import java.util.Objects;

/**
 * Something that goes wrong with one request. Inject it with
 * {@link StubRelay#failNext(RequestKind, Fault)}.
 *
 * <p>Status faults answer at once and change nothing: a create that gets one creates no
 * prediction. The other faults let the request do its work first (a create does create its
 * prediction) and then spoil the answer, as a network or a proxy would after the server acted.
 */
public final class Fault {
  enum Kind {
    STATUS, DROP_BEFORE_RESPONSE, DROP_MID_BODY, SLOW, MALFORMED_JSON, STALL_AFTER_HEADERS,
    STALL_MID_BODY, RESET_MID_BODY, CLOSE_AFTER_RESPONSE, FIELDS, REDIRECT
  }

  final Kind kind;
  final int status;
  final Long retryAfterHeader;
  final Long retryAfterBody;
  final String contentType;
  final String body;
  final Duration delay;

  private Fault(Kind kind, int status, Long retryAfterHeader, Long retryAfterBody,
      String contentType, String body, Duration delay) {
    this.kind = kind;
    this.status = status;
    this.retryAfterHeader = retryAfterHeader;
    this.retryAfterBody = retryAfterBody;
    this.contentType = contentType;
    this.body = body;
    this.delay = delay;
  }

  /**
   * An error status (for example 500, 502, 503, 504, or 404 to make a file link look expired)
   * answered with a problem-details body.
   *
   * @param code 400 to 599
   * @return the fault
   * @throws IllegalArgumentException if the code is not an error status
   */
  public static Fault status(int code) {
    checkErrorCode(code);
    return new Fault(Kind.STATUS, code, null, null, null, null, null);
  }

  /**
   * An error status with a body of your choosing, for example the HTML page a gateway sends.
   *
   * @param code 400 to 599
   * @param contentType the Content-Type header
   * @param body the body text
   * @return the fault
   * @throws IllegalArgumentException if the code is not an error status
   */
  public static Fault status(int code, String contentType, String body) {
    checkErrorCode(code);
    return new Fault(Kind.STATUS, code, null, null,
        Objects.requireNonNull(contentType, "contentType"), Objects.requireNonNull(body, "body"), null);
  }

  /**
   * 429 with a {@code Retry-After} header.
   *
   * @param seconds the header's value, zero or more
   * @return the fault
   */
  public static Fault rateLimitedWithHeader(long seconds) {
    return new Fault(Kind.STATUS, 429, nonNegative(seconds), null, null, null, null);
  }

  /**
   * 429 with a {@code retry_after} field in the problem body and no header.
   *
   * @param seconds the field's value, zero or more
   * @return the fault
   */
  public static Fault rateLimitedWithBody(long seconds) {
    return new Fault(Kind.STATUS, 429, null, nonNegative(seconds), null, null, null);
  }

  /**
   * 503 with a {@code Retry-After} header, as a load balancer answers while the service restarts.
   * Zero says "again at once", which some HTTP clients take as leave to re-send on their own.
   *
   * @param seconds the header's value, zero or more
   * @return the fault
   */
  public static Fault unavailableWithRetryAfter(long seconds) {
    return new Fault(Kind.STATUS, 503, nonNegative(seconds), null, null, null, null);
  }

  /**
   * The connection is closed after the request was handled and before any byte of the response.
   *
   * @return the fault
   */
  public static Fault dropBeforeResponse() {
    return new Fault(Kind.DROP_BEFORE_RESPONSE, 0, null, null, null, null, null);
  }

  /**
   * The status line, headers and half of the body are sent, then the connection is closed.
   *
   * @return the fault
   */
  public static Fault dropMidBody() {
    return new Fault(Kind.DROP_MID_BODY, 0, null, null, null, null, null);
  }

  /**
   * The response is held back for a while before its headers are sent.
   *
   * @param delay how long, more than zero
   * @return the fault
   */
  public static Fault slow(Duration delay) {
    if (delay.isNegative() || delay.isZero()) {
      throw new IllegalArgumentException("A slow response needs a positive delay, got " + delay);
    }
    return new Fault(Kind.SLOW, 0, null, null, null, null, delay);
  }

  /**
   * The status and headers are right but the JSON body is cut in half, so it does not parse.
   *
   * @return the fault
   */
  public static Fault malformedJson() {
    return new Fault(Kind.MALFORMED_JSON, 0, null, null, null, null, null);
  }

  /**
   * The status line and headers are sent, then nothing more: the body never comes, and the
   * connection stays open until the client gives up (or the stub closes).
   *
   * @return the fault
   */
  public static Fault stallAfterHeaders() {
    return new Fault(Kind.STALL_AFTER_HEADERS, 0, null, null, null, null, null);
  }

  /**
   * The status line, headers and half of the body are sent, then nothing more; the connection
   * stays open until the client gives up (or the stub closes).
   *
   * @return the fault
   */
  public static Fault stallMidBody() {
    return new Fault(Kind.STALL_MID_BODY, 0, null, null, null, null, null);
  }

  /**
   * The status line, headers and half of the body are sent, then the connection is reset (a TCP
   * RST rather than the orderly close of {@link #dropMidBody()}).
   *
   * @return the fault
   */
  public static Fault resetMidBody() {
    return new Fault(Kind.RESET_MID_BODY, 0, null, null, null, null, null);
  }

  /**
   * The whole answer is sent, then the connection is closed without saying so (no
   * {@code Connection: close}), as a server or load balancer whose keep-alive ran out does: a
   * client that reuses the connection finds it dead.
   *
   * @return the fault
   */
  public static Fault closeAfterResponse() {
    return new Fault(Kind.CLOSE_AFTER_RESPONSE, 0, null, null, null, null, null);
  }

  /**
   * The request is handled, then members of the answer's JSON object are replaced or added, as a
   * misbehaving relay might send them: an id that needs escaping, numbers at the edges of what a
   * double or a long holds, an {@code error} that is an object. Numbers are sent as written.
   *
   * @param jsonObject a JSON object whose members go into the answer, for example
   *     <code>{"id":".."}</code> or <code>{"status":"failed","error":{"code":"E1"}}</code>
   * @return the fault
   * @throws IllegalArgumentException if the text is not a JSON object
   */
  public static Fault fields(String jsonObject) {
    Object parsed;
    try {
      parsed = Json.parse(jsonObject);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Not JSON: " + e.getMessage(), e);
    }
    if (!(parsed instanceof java.util.Map)) {
      throw new IllegalArgumentException("Not a JSON object: " + jsonObject);
    }
    return new Fault(Kind.FIELDS, 0, null, null, null, jsonObject, null);
  }

  /**
   * A redirect instead of an answer (the request is not handled), as a proxy in front of the
   * relay might send: {@code 307} keeps the method and body, so a create is re-sent.
   *
   * @param code 301, 302, 303, 307 or 308
   * @param location the Location header, for example another host's URL
   * @return the fault
   */
  public static Fault redirect(int code, String location) {
    if (code != 301 && code != 302 && code != 303 && code != 307 && code != 308) {
      throw new IllegalArgumentException("Not a redirect status: " + code);
    }
    return new Fault(Kind.REDIRECT, code, null, null, null,
        Objects.requireNonNull(location, "location"), null);
  }

  private static void checkErrorCode(int code) {
    if (code < 400 || code > 599) {
      throw new IllegalArgumentException("A status fault needs a 4xx or 5xx code, got " + code);
    }
  }

  private static long nonNegative(long seconds) {
    if (seconds < 0) {
      throw new IllegalArgumentException("Retry-after seconds must not be negative, got " + seconds);
    }
    return seconds;
  }

  /** What the fault does, as shown in the journal. */
  @Override
  public String toString() {
    switch (kind) {
      case STATUS:
        if (retryAfterHeader != null) {
          return "status " + status + " (Retry-After: " + retryAfterHeader + ")";
        }
        if (retryAfterBody != null) {
          return "status " + status + " (retry_after: " + retryAfterBody + ")";
        }
        return "status " + status;
      case SLOW:
        return "slow " + delay.toMillis() + "ms";
      case DROP_BEFORE_RESPONSE:
        return "drop before response";
      case DROP_MID_BODY:
        return "drop mid body";
      case STALL_AFTER_HEADERS:
        return "stall after headers";
      case STALL_MID_BODY:
        return "stall mid body";
      case RESET_MID_BODY:
        return "reset mid body";
      case CLOSE_AFTER_RESPONSE:
        return "close after response";
      case FIELDS:
        return "fields " + (body.length() <= 200 ? body : body.substring(0, 200) + "...");
      case REDIRECT:
        return "redirect " + status + " to " + body;
      default:
        return "malformed json";
    }
  }
}
