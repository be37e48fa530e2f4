package dev.replicate4j;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 422 (or 400): the server rejected the request's content, typically an input the model does not
 * accept. {@link #field()} names the input when the body says which.
 */
public class InvalidInputException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed
   * @param statusCode the HTTP status
   * @param problem the parsed body
   * @param headers the response headers
   */
  public InvalidInputException(String message, int statusCode, ProblemDetails problem,
      Map<String, List<String>> headers) {
    super(message, statusCode, problem, headers);
  }

  /**
   * The input field the server complained about, from the body's {@code field}, {@code invalid_fields}
   * or {@code errors} member when present.
   *
   * @return the field name, or empty when the body does not say
   */
  public Optional<String> field() {
    Map<String, Object> json = problem().json();
    Object field = json.get("field");
    if (field != null) {
      return Optional.of(String.valueOf(field));
    }
    for (String listKey : List.of("invalid_fields", "errors", "invalid-params")) {
      Object list = json.get(listKey);
      if (list instanceof List && !((List<?>) list).isEmpty()) {
        Object first = ((List<?>) list).get(0);
        if (first instanceof Map) {
          Object name = ((Map<?, ?>) first).get("field");
          if (name == null) {
            name = ((Map<?, ?>) first).get("name");
          }
          if (name != null) {
            return Optional.of(String.valueOf(name));
          }
        } else if (first != null) {
          return Optional.of(String.valueOf(first));
        }
      }
    }
    return Optional.empty();
  }
}
