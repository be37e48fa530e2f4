package dev.replicate4j;

import java.util.List;
import java.util.Map;

/**
 * 5xx: the server failed; GETs were retried before this was thrown, a create never is (see
 * {@link #mayHaveCreated()}).
 */
public class ServerException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed
   * @param statusCode the HTTP status
   * @param problem the parsed body
   * @param headers the response headers
   */
  public ServerException(String message, int statusCode, ProblemDetails problem,
      Map<String, List<String>> headers) {
    super(message, statusCode, problem, headers);
  }

  ServerException(String message, int statusCode, ProblemDetails problem,
      Map<String, List<String>> headers, boolean mayHaveCreated) {
    super(message, statusCode, problem, headers, mayHaveCreated);
  }
}
