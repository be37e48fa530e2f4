package dev.replicate4j;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An RFC 7807 problem-details body, as the API sends with errors. Every member is kept, including
 * ones without an accessor.
 */
public final class ProblemDetails {
  private final Map<String, Object> json;

  private ProblemDetails(Map<String, Object> json) {
    this.json = Collections.unmodifiableMap(new LinkedHashMap<>(json));
  }

  static ProblemDetails of(Map<String, Object> json) {
    return new ProblemDetails(json == null ? Map.of() : json);
  }

  /**
   * The explanation ({@code detail}).
   *
   * @return the detail, or empty
   */
  public Optional<String> detail() {
    return text("detail");
  }

  /**
   * A short summary ({@code title}).
   *
   * @return the title, or empty
   */
  public Optional<String> title() {
    return text("title");
  }

  /**
   * A URI naming the problem type ({@code type}).
   *
   * @return the type, or empty
   */
  public Optional<String> type() {
    return text("type");
  }

  /**
   * The HTTP status the body states ({@code status}).
   *
   * @return the status, or empty
   */
  public Optional<Integer> status() {
    Object status = json.get("status");
    return status instanceof Number ? Optional.of(((Number) status).intValue()) : Optional.empty();
  }

  /**
   * Every member of the body.
   *
   * @return the body as an unmodifiable map
   */
  public Map<String, Object> json() {
    return json;
  }

  private Optional<String> text(String key) {
    Object value = json.get(key);
    return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
  }

  @Override
  public String toString() {
    return "ProblemDetails" + json;
  }
}
