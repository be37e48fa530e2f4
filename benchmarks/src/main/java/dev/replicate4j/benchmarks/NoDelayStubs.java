package dev.replicate4j.benchmarks;

import dev.replicate4j.stub.StubRelay;
import dev.replicate4j.stub.StubRelayBuilder;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;
import mockwebserver3.MockWebServer;

/**
 * Starts stub relays (and MockWebServers) whose connections have Nagle's algorithm off.
 *
 * <p>Why: MockWebServer flushes a response's headers and its body separately. With Nagle's
 * algorithm on (the default for accepted sockets) the body waits for the client to acknowledge the
 * headers, and the client delays that acknowledgement by about 40 ms, so every request to the stub
 * takes over 40 ms on loopback. That would measure the stub's socket settings, not the SDK. The
 * stub has no setting for it, so the server socket factory of its MockWebServer is set here
 * before it starts; if the stub's internals change, this fails loudly instead of measuring the
 * stall.
 */
final class NoDelayStubs {
  private NoDelayStubs() {}

  static StubRelay start(StubRelayBuilder builder) {
    StubRelay stub = builder.build();
    try {
      Field field = StubRelay.class.getDeclaredField("server");
      field.setAccessible(true);
      ((MockWebServer) field.get(stub)).setServerSocketFactory(serverSocketFactory());
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException("Cannot turn Nagle's algorithm off in the stub relay (its"
          + " MockWebServer field changed?); every request would stall about 40 ms", e);
    }
    return stub.start();
  }

  /** Server sockets whose accepted connections send each write at once. */
  static ServerSocketFactory serverSocketFactory() {
    return new NoDelayFactory();
  }

  /** Server sockets whose accepted connections send each write at once. */
  private static final class NoDelayFactory extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new NoDelayServerSocket();
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      ServerSocket socket = new NoDelayServerSocket();
      socket.bind(new java.net.InetSocketAddress(port));
      return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      ServerSocket socket = new NoDelayServerSocket();
      socket.bind(new java.net.InetSocketAddress(port), backlog);
      return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
        throws IOException {
      ServerSocket socket = new NoDelayServerSocket();
      socket.bind(new java.net.InetSocketAddress(address, port), backlog);
      return socket;
    }
  }

  private static final class NoDelayServerSocket extends ServerSocket {
    NoDelayServerSocket() throws IOException {
      super();
    }

    @Override
    public Socket accept() throws IOException {
      Socket socket = super.accept();
      socket.setTcpNoDelay(true);
      return socket;
    }
  }
}
