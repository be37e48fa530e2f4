package dev.replicate4j;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Response;

/**
 * Before a create is written to a reused HTTP/1.1 connection, checks that the server has not
 * closed it meanwhile. OkHttp checks a pooled connection this closely only after 10 s of idleness,
 * and once a request was written to a dead connection nobody can tell whether the server read it
 * ({@code unexpected end of stream}), so the create could not be retried. A connection found closed
 * is closed here too (the pool then drops it) and the attempt fails as a {@link NotSentException},
 * which may be retried at once on a fresh connection.
 *
 * <p>The check reads the idle socket for at most {@value #PROBE_MILLIS} ms: an idle HTTP/1.1
 * connection has nothing to read, so end of stream (or any byte) means the connection is unusable.
 * A closed one answers at once; the wait gives a server that closes right after its answer time
 * for its close to arrive (1 ms was too short for a loaded machine: a create then went out on the
 * dying connection). A live connection costs that whole wait, several times a create's own time on
 * a fast network, so the check is spent where it can find something. At first every reused connection is checked,
 * which catches a server that closes each connection right after its answer. Once
 * {@link #TRUST_AFTER} checks in a row found the connection open, the server is taken to keep its
 * connections, and only a connection idle for {@link #TRUSTED_IDLE} or more is checked: the ones a
 * keep-alive timeout may have closed. Any connection found closed starts the count over. HTTP/2
 * needs no check: OkHttp fails a stream the server refused before sending it. Other requests are
 * not checked: OkHttp, or the SDK, retries them.
 */
final class StaleConnectionCheck implements Interceptor {
  static final int PROBE_MILLIS = 5;
  /** Reused connections found open in a row before recently used ones go unchecked. */
  static final int TRUST_AFTER = 5;
  /** Idle time from which a connection is checked even once the server is trusted. */
  static final Duration TRUSTED_IDLE = Duration.ofSeconds(1);

  private final LongSupplier nanoTime;
  /** Checks in a row that found the connection open; reset by any closed one. */
  private final AtomicInteger openInARow = new AtomicInteger();
  /** When each connection last started a request, so that a fresh one is not probed. */
  private final Map<Connection, Long> lastUse =
      Collections.synchronizedMap(new WeakHashMap<Connection, Long>());

  StaleConnectionCheck() {
    this(System::nanoTime);
  }

  StaleConnectionCheck(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Connection connection = chain.connection();
    if (connection != null) {
      long now = nanoTime.getAsLong();
      Long previous = lastUse.put(connection, now);
      if (previous != null && isCreate(chain) && connection.protocol() == Protocol.HTTP_1_1
          && shouldProbe(now - previous) && closedByPeer(connection.socket())) {
        throw new NotSentException(new IOException(
            "the pooled connection had been closed by the server; the request was not sent"),
            true);
      }
    }
    return chain.proceed(chain.request());
  }

  /** Whether a reused connection idle for {@code idleNanos} is worth a check. */
  boolean shouldProbe(long idleNanos) {
    return openInARow.get() < TRUST_AFTER || idleNanos >= TRUSTED_IDLE.toNanos();
  }

  private static boolean isCreate(Chain chain) {
    return "POST".equals(chain.request().method())
        && !chain.request().url().encodedPath().endsWith("/cancel");
  }

  /** Whether the peer closed the idle socket; closes it if so, and counts what it found. */
  boolean closedByPeer(Socket socket) {
    boolean closed = probe(socket);
    if (closed) {
      openInARow.set(0);
    } else {
      openInARow.accumulateAndGet(1, (n, one) -> Math.min(TRUST_AFTER, n + one));
    }
    return closed;
  }

  private static boolean probe(Socket socket) {
    int timeout;
    try {
      timeout = socket.getSoTimeout();
    } catch (IOException e) {
      closeQuietly(socket);
      return true;
    }
    try {
      socket.setSoTimeout(PROBE_MILLIS);
      InputStream in = socket.getInputStream();
      in.read();
      // End of stream, or a byte nobody asked for: either way the connection is done.
      closeQuietly(socket);
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      closeQuietly(socket);
      return true;
    } finally {
      try {
        if (!socket.isClosed()) {
          socket.setSoTimeout(timeout);
        }
      } catch (IOException e) {
        closeQuietly(socket);
      }
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing is all that was left to do with it.
    }
  }
}
