package dev.replicate4j.stub;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import okhttp3.Headers;

/** One request as it reached the stub: method, path, headers, body and arrival time. */
public final class RecordedCall {
  private final int sequence;
  private final RequestKind kind;
  private final String method;
  private final String path;
  private final String query;
  private final Map<String, List<String>> headers;
  private final String body;
  private final Instant arrivedAt;
  private final String predictionId;
  private final String fault;

  RecordedCall(int sequence, RequestKind kind, String method, String path, String query,
      Headers headers, String body, Instant arrivedAt, String predictionId, String fault) {
    this.sequence = sequence;
    this.kind = kind;
    this.method = method;
    this.path = path;
    this.query = query;
    Map<String, List<String>> byName = new TreeMap<>();
    for (String name : headers.names()) {
      byName.put(name.toLowerCase(Locale.ROOT), List.copyOf(headers.values(name)));
    }
    this.headers = Collections.unmodifiableMap(byName);
    this.body = body;
    this.arrivedAt = arrivedAt;
    this.predictionId = predictionId;
    this.fault = fault;
  }

  /**
   * Position in the journal.
   *
   * @return 0 for the first request the stub received
   */
  public int sequence() {
    return sequence;
  }

  /**
   * What the request was for.
   *
   * @return the kind
   */
  public RequestKind kind() {
    return kind;
  }

  /**
   * The HTTP method.
   *
   * @return for example {@code POST}
   */
  public String method() {
    return method;
  }

  /**
   * The path, without the query.
   *
   * @return for example {@code /replicate/v1/predictions}
   */
  public String path() {
    return path;
  }

  /**
   * The query string, if any.
   *
   * @return the encoded query without {@code ?}, or empty
   */
  public Optional<String> query() {
    return Optional.ofNullable(query);
  }

  /**
   * The first value of a header.
   *
   * @param name the header name, any case
   * @return the value, or empty if the header was not sent
   */
  public Optional<String> header(String name) {
    List<String> values = headers(name);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Every value of a header.
   *
   * @param name the header name, any case
   * @return the values, empty if the header was not sent
   */
  public List<String> headers(String name) {
    return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /**
   * The names of the headers sent.
   *
   * @return lowercase names
   */
  public Set<String> headerNames() {
    return headers.keySet();
  }

  /**
   * Whether an {@code Authorization} header came with the request (for file downloads it must not).
   *
   * @return true if one was sent
   */
  public boolean hasAuthorization() {
    return headers.containsKey("authorization");
  }

  /**
   * The body as UTF-8 text.
   *
   * @return the body, empty if none
   */
  public String body() {
    return body;
  }

  /**
   * When the request arrived.
   *
   * @return the time
   */
  public Instant arrivedAt() {
    return arrivedAt;
  }

  /**
   * The prediction id in the path, for get, cancel and file requests.
   *
   * @return the id, or empty
   */
  public Optional<String> predictionId() {
    return Optional.ofNullable(predictionId);
  }

  /**
   * The fault injected into this request's answer, if any.
   *
   * @return a description such as {@code status 503}, or empty
   */
  public Optional<String> fault() {
    return Optional.ofNullable(fault);
  }

  /** Method, path and fault, for test output. */
  @Override
  public String toString() {
    return "#" + sequence + " " + method + " " + path + (query != null ? "?" + query : "")
        + (fault != null ? " [" + fault + "]" : "");
  }
}
