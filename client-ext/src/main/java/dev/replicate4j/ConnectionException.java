package dev.replicate4j;

/**
 * The request failed on the network (connect, reset, timeout, malformed response), after any retries
 * that were safe. For a create, {@link #mayHaveCreated()} tells whether the prediction may exist on
 * the server.
 */
public class ConnectionException extends ReplicateException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed
   * @param cause the I/O failure
   */
  public ConnectionException(String message, Throwable cause) {
    super(message, cause);
  }

  ConnectionException(String message, Throwable cause, boolean mayHaveCreated) {
    super(message, cause, mayHaveCreated);
  }
}
