package dev.replicate4j;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
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
 * <p>An idle HTTP/1.1 connection has nothing to read, so end of stream (or any byte) means the
 * connection is unusable. A server that closes a connection right after its answer (without
 * {@code Connection: close}) may not have sent its FIN yet when the next create is ready, so at
 * first each check waits up to a millisecond for it (a timed read). Once {@link #TRUST_AFTER}
 * checks in a row found the reused connection open, the server is taken to keep its connections,
 * and the check becomes one non-blocking read of a few microseconds on a socket made by
 * {@link #socketFactory()} (a {@link SocketChannel}'s): a connection closed while idle (keep-alive
 * timeout) is still caught, as its FIN arrived long ago. Any connection found closed goes back to
 * the timed read. Other sockets (a caller's own socket factory, TLS) always get the timed read.
 * HTTP/2 needs no check: OkHttp fails a stream the server refused before sending it. Other
 * requests are not checked: OkHttp, or the SDK, retries them.
 */
final class StaleConnectionCheck implements Interceptor {
  private static final int PROBE_MILLIS = 1;
  /** Reused connections found open in a row before the check stops waiting for a FIN. */
  static final int TRUST_AFTER = 20;

  /** Timed checks in a row that found the connection open; reset by any closed one. */
  private final AtomicInteger openInARow = new AtomicInteger();

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

  /**
   * Plain sockets backed by a {@link SocketChannel}, so that the check needs no timed read. The
   * channel stays in blocking mode except during the check.
   */
  static SocketFactory socketFactory() {
    return ChannelSockets.INSTANCE;
  }

  private static boolean isCreate(Chain chain) {
    return "POST".equals(chain.request().method())
        && !chain.request().url().encodedPath().endsWith("/cancel");
  }

  /** Whether the peer closed the idle socket; closes it if so. */
  boolean closedByPeer(Socket socket) {
    SocketChannel channel = socket.getChannel();
    boolean closed;
    if (channel != null && openInARow.get() >= TRUST_AFTER) {
      closed = closedByPeerNow(socket, channel);
    } else {
      closed = closedByPeerTimed(socket);
      if (!closed) {
        openInARow.accumulateAndGet(1, (n, one) -> Math.min(TRUST_AFTER, n + one));
      }
    }
    if (closed) {
      openInARow.set(0);
    }
    return closed;
  }

  private static boolean closedByPeerNow(Socket socket, SocketChannel channel) {
    try {
      synchronized (channel.blockingLock()) {
        channel.configureBlocking(false);
        try {
          if (channel.read(ByteBuffer.allocate(1)) == 0) {
            return false;
          }
        } finally {
          if (channel.isOpen()) {
            channel.configureBlocking(true);
          }
        }
      }
    } catch (IOException e) {
      // Reset, or already closed: unusable too.
    }
    // End of stream, or a byte nobody asked for: either way the connection is done.
    closeQuietly(socket);
    return true;
  }

  private static boolean closedByPeerTimed(Socket socket) {
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

  /** Unconnected or connected plain sockets, each a {@link SocketChannel}'s. */
  private static final class ChannelSockets extends SocketFactory {
    static final ChannelSockets INSTANCE = new ChannelSockets();

    @Override
    public Socket createSocket() throws IOException {
      return createUnconnected();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      return connected(new InetSocketAddress(host, port), localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress,
        int localPort) throws IOException {
      return connected(new InetSocketAddress(address, port), localAddress, localPort);
    }

    private static Socket connected(InetSocketAddress remote) throws IOException {
      Socket socket = createUnconnected();
      socket.connect(remote);
      return socket;
    }

    private static Socket connected(InetSocketAddress remote, InetAddress localAddress,
        int localPort) throws IOException {
      Socket socket = createUnconnected();
      socket.bind(new InetSocketAddress(localAddress, localPort));
      socket.connect(remote);
      return socket;
    }

    private static Socket createUnconnected() throws IOException {
      return SocketChannel.open().socket();
    }
  }
}
