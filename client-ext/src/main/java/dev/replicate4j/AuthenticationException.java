package dev.replicate4j;

import java.util.List;
import java.util.Map;

/** 401 or 403: the API key is missing, wrong or not allowed to do this. */
public class AuthenticationException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed
   * @param statusCode the HTTP status
   * @param problem the parsed body
   * @param headers the response headers
   */
  public AuthenticationException(String message, int statusCode, ProblemDetails problem,
      Map<String, List<String>> headers) {
    super(message, statusCode, problem, headers);
  }
}
