package dev.replicate4j;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Tells whether, and when, an attempt got as far as writing its request. Network interceptors run
 * only once a connection is open, just before the request is written; a failure before that point
 * cannot have reached the server, so even a create may be retried. The moment is also the earliest
 * the server can have stamped the prediction's {@code created_at} (see {@link BarEndWindow}): for a
 * call that waited in the dispatcher's queue it is later, and closer, than when the call was made.
 */
final class SendTracker {
  private volatile Instant sentAt;

  boolean reachedNetwork() {
    return sentAt != null;
  }

  /**
   * When the attempt that produced this response first reached the network.
   *
   * @return the instant, or empty if the response did not come through a tracked attempt
   */
  static Optional<Instant> sentAt(Response response) {
    SendTracker tracker = response.request().tag(SendTracker.class);
    return tracker == null ? Optional.empty() : Optional.ofNullable(tracker.sentAt);
  }

  /**
   * The application interceptor that gives each attempt its tracker, innermost before the network:
   * a failure before the request reached the network comes out as a {@link NotSentException}.
   */
  static Interceptor tagger() {
    return new Interceptor() {
      @Override
      public Response intercept(Chain chain) throws IOException {
        SendTracker tracker = new SendTracker();
        Request tagged = chain.request().newBuilder().tag(SendTracker.class, tracker).build();
        try {
          return chain.proceed(tagged);
        } catch (NotSentException e) {
          throw e;
        } catch (IOException e) {
          if (!tracker.reachedNetwork()) {
            throw new NotSentException(e, false);
          }
          throw e;
        }
      }
    };
  }

  /** The network interceptor that marks each attempt's tracker, on the first hop. */
  static Interceptor marker(Clock clock) {
    return new Interceptor() {
      @Override
      public Response intercept(Chain chain) throws IOException {
        SendTracker tracker = chain.request().tag(SendTracker.class);
        if (tracker != null && tracker.sentAt == null) {
          tracker.sentAt = clock.instant();
        }
        return chain.proceed(chain.request());
      }
    };
  }
}
