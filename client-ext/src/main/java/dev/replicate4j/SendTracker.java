package dev.replicate4j;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Tells whether an attempt got as far as writing its request. Network interceptors run only once a
 * connection is open, just before the request is written; a failure before that point cannot have
 * reached the server, so even a create may be retried.
 */
final class SendTracker {
  private volatile boolean reachedNetwork;

  boolean reachedNetwork() {
    return reachedNetwork;
  }

  /** The network interceptor that marks the attempt's tracker. */
  static final Interceptor MARKER = new Interceptor() {
    @Override
    public Response intercept(Chain chain) throws IOException {
      SendTracker tracker = chain.request().tag(SendTracker.class);
      if (tracker != null) {
        tracker.reachedNetwork = true;
      }
      return chain.proceed(chain.request());
    }
  };
}
