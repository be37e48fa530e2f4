package dev.replicate4j;

import java.util.List;
import java.util.Map;

/**
 * 404 or 405 on cancel: this server does not offer cancelling (the relay does not document it). The
 * prediction may still be running.
 */
public class CancelNotSupportedException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed
   * @param statusCode the HTTP status
   * @param problem the parsed body
   * @param headers the response headers
   */
  public CancelNotSupportedException(String message, int statusCode, ProblemDetails problem,
      Map<String, List<String>> headers) {
    super(message, statusCode, problem, headers);
  }
}
