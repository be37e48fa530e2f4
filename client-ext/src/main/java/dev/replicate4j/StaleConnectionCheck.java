package dev.replicate4j;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
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
 * <p>The check reads the idle socket for at most a millisecond: an idle HTTP/1.1 connection has
 * nothing to read, so end of stream (or any byte) means the connection is unusable. HTTP/2 needs no
 * check: OkHttp fails a stream the server refused before sending it. Other requests are not checked:
 * OkHttp, or the SDK, retries them.
 */
final class StaleConnectionCheck implements Interceptor {
  private static final int PROBE_MILLIS = 1;

  /** Connections that carried a request already, so that a fresh one is not probed. */
  private final Set<Connection> used = Collections.synchronizedSet(
      Collections.newSetFromMap(new WeakHashMap<Connection, Boolean>()));

  @Override
  public Response intercept(Chain chain) throws IOException {
    Connection connection = chain.connection();
    boolean reused = connection != null && !used.add(connection);
    if (reused && isCreate(chain) && connection.protocol() == Protocol.HTTP_1_1
        && closedByPeer(connection.socket())) {
      throw new NotSentException(new IOException(
          "the pooled connection had been closed by the server; the request was not sent"), true);
    }
    return chain.proceed(chain.request());
  }

  private static boolean isCreate(Chain chain) {
    return "POST".equals(chain.request().method())
        && !chain.request().url().encodedPath().endsWith("/cancel");
  }

  /** Whether the peer closed the idle socket; closes it if so. */
  private static boolean closedByPeer(Socket socket) {
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
