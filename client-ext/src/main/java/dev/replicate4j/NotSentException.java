package dev.replicate4j;

import java.io.IOException;

/**
 * An attempt failed before any byte of its request was written, so the server cannot have acted on
 * it: even a create may be sent again. Thrown by {@link SendTracker#tagger()} around the original
 * failure, and by {@link StaleConnectionCheck} for a pooled connection the server had closed.
 */
final class NotSentException extends IOException {
  private static final long serialVersionUID = 1L;

  private final boolean staleConnection;

  NotSentException(IOException cause, boolean staleConnection) {
    super(cause.toString(), cause);
    this.staleConnection = staleConnection;
  }

  /** Whether a fresh connection can be tried at once (no backoff needed). */
  boolean staleConnection() {
    return staleConnection;
  }

  /** The failure this wraps. */
  IOException original() {
    return (IOException) getCause();
  }

  /** The failure itself, without this wrapper. */
  static Throwable unwrap(Throwable t) {
    return t instanceof NotSentException ? t.getCause() : t;
  }
}
