package dev.replicate4j.stub;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Consumer;
import javax.net.ServerSocketFactory;

/**
 * Server sockets whose accepted connections have Nagle's algorithm off. MockWebServer writes a
 * response's headers and body separately; with Nagle on, the body waits for the client's delayed
 * acknowledgement and every request stalls about 40 ms on loopback. The stub uses these, and so can
 * any other MockWebServer: {@code server.setServerSocketFactory(NoDelayServerSockets.factory())}.
 */
public final class NoDelayServerSockets {
  private NoDelayServerSockets() {}

  /**
   * A factory of server sockets whose accepted connections send each write at once.
   *
   * @return the factory
   */
  public static ServerSocketFactory factory() {
    return new NoDelayFactory(socket -> { });
  }

  /**
   * The same, telling each accepted connection, in accept order, to {@code onAccept}.
   * MockWebServer numbers connections in that order ({@code RecordedRequest#getConnectionIndex}).
   */
  static ServerSocketFactory factory(Consumer<Socket> onAccept) {
    return new NoDelayFactory(onAccept);
  }

  private static final class NoDelayFactory extends ServerSocketFactory {
    private final Consumer<Socket> onAccept;

    NoDelayFactory(Consumer<Socket> onAccept) {
      this.onAccept = onAccept;
    }

    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new NoDelayServerSocket(onAccept);
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      ServerSocket socket = new NoDelayServerSocket(onAccept);
      socket.bind(new java.net.InetSocketAddress(port));
      return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      ServerSocket socket = new NoDelayServerSocket(onAccept);
      socket.bind(new java.net.InetSocketAddress(port), backlog);
      return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
        throws IOException {
      ServerSocket socket = new NoDelayServerSocket(onAccept);
      socket.bind(new java.net.InetSocketAddress(address, port), backlog);
      return socket;
    }
  }

  private static final class NoDelayServerSocket extends ServerSocket {
    private final Consumer<Socket> onAccept;

    NoDelayServerSocket(Consumer<Socket> onAccept) throws IOException {
      super();
      this.onAccept = onAccept;
    }

    @Override
    public Socket accept() throws IOException {
      Socket socket = super.accept();
      socket.setTcpNoDelay(true);
      onAccept.accept(socket);
      return socket;
    }
  }
}
