package dev.replicate4j;

/**
 * Base of every exception the SDK throws. Unchecked: callers catch the subtype they can act on.
 *
 * <p>Messages never contain the API key.
 */
public class ReplicateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong
   */
  public ReplicateException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public ReplicateException(String message, Throwable cause) {
    super(message, cause);
  }
}
