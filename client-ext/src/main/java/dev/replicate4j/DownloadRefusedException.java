package dev.replicate4j;

/**
 * An output link the client will not fetch: its host resolves to a link-local address (where
 * cloud metadata services live), is a cloud metadata name, or is not on the builder's list of
 * download hosts. Nothing was sent to that host.
 *
 * @see ReplicateClientBuilder#allowLinkLocalDownloads(boolean)
 * @see ReplicateClientBuilder#downloadHosts(String...)
 */
public final class DownloadRefusedException extends DownloadException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which host was refused and why
   */
  public DownloadRefusedException(String message) {
    super(message, null);
  }
}
