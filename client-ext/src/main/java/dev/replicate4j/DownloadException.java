package dev.replicate4j;

/**
 * An output file could not be fetched or saved: its link expired or answered with an error, the
 * connection failed, a {@code data:} URI was malformed, or the target could not be written. The
 * cause holds the underlying {@link java.io.IOException}.
 */
public class DownloadException extends ReplicateException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, naming the file (never with a key in it)
   * @param cause the underlying failure
   */
  public DownloadException(String message, Throwable cause) {
    super(message, cause);
  }
}
