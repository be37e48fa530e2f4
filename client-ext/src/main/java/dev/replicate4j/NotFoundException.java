package dev.replicate4j;

import java.util.List;
import java.util.Map;

/** 404: no such prediction, version or endpoint. */
public class NotFoundException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed
   * @param statusCode the HTTP status
   * @param problem the parsed body
   * @param headers the response headers
   */
  public NotFoundException(String message, int statusCode, ProblemDetails problem,
      Map<String, List<String>> headers) {
    super(message, statusCode, problem, headers);
  }
}
