package dev.replicate4j;

/**
 * The server answered, but with something the SDK cannot use, such as a prediction whose id
 * cannot be put in a URL. Carries the response body as received.
 */
public class MalformedResponseException extends ConnectionException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String body;

  /**
   * Creates the exception.
   *
   * @param message what was wrong and what it means for the caller
   * @param statusCode the HTTP status of the response
   * @param body the response body as received
   */
  public MalformedResponseException(String message, int statusCode, String body) {
    super(message, null);
    this.statusCode = statusCode;
    this.body = body;
  }

  /**
   * The HTTP status of the response.
   *
   * @return the status code
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The response body as received (for a prediction, its JSON written back exactly).
   *
   * @return the body
   */
  public String body() {
    return body;
  }
}
