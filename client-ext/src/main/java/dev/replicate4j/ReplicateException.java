package dev.replicate4j;

/**
 * Base of every exception the SDK throws. Unchecked: callers catch the subtype they can act on.
 *
 * <p>Messages never contain the API key.
 */
public class ReplicateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What a create failure that may have created the prediction tells the caller to do. */
  static final String MAY_HAVE_CREATED = "; the request may have reached the server, so the"
      + " prediction may exist: look for it among the recent predictions (GET /v1/predictions)"
      + " before creating it again";

  private final boolean mayHaveCreated;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong
   */
  public ReplicateException(String message) {
    super(message);
    this.mayHaveCreated = false;
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public ReplicateException(String message, Throwable cause) {
    this(message, cause, false);
  }

  ReplicateException(String message, Throwable cause, boolean mayHaveCreated) {
    super(message, cause);
    this.mayHaveCreated = mayHaveCreated;
  }

  /**
   * Whether the create that failed with this exception may nonetheless have created the
   * prediction: its request may have reached the server before the failure (a timeout, a reset
   * connection, a 5xx answer, a deadline that passed while it was in flight). The message says so
   * too. Such a create is never retried by the client, to never bill a prediction twice; look for
   * the prediction among the recent predictions before creating it again. Always false for other
   * operations, and for a create the server surely did not act on (a 429, a 4xx, a connection
   * that failed before the request was written).
   *
   * @return true if the prediction may exist
   */
  public boolean mayHaveCreated() {
    return mayHaveCreated;
  }
}
