package dev.replicate4j;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server answered with an error status. Subtypes name the common cases; see the README's table
 * of status codes.
 */
public class ApiException extends ReplicateException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final transient ProblemDetails problem;
  private final transient Map<String, List<String>> headers;

  /**
   * Creates the exception.
   *
   * @param message what failed
   * @param statusCode the HTTP status
   * @param problem the parsed body (empty when the body was not JSON)
   * @param headers the response headers (without any credential)
   */
  public ApiException(String message, int statusCode, ProblemDetails problem,
      Map<String, List<String>> headers) {
    this(message, statusCode, problem, headers, false);
  }

  ApiException(String message, int statusCode, ProblemDetails problem,
      Map<String, List<String>> headers, boolean mayHaveCreated) {
    super(message, null, mayHaveCreated);
    this.statusCode = statusCode;
    this.problem = problem;
    this.headers = Map.copyOf(headers);
  }

  /**
   * The HTTP status code.
   *
   * @return the status code
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The problem details from the body.
   *
   * @return the problem details, possibly empty
   */
  public ProblemDetails problem() {
    return problem;
  }

  /**
   * The response headers.
   *
   * @return the headers, names in lower case
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * The first value of a response header.
   *
   * @param name the header name, any case
   * @return the value, or empty
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
