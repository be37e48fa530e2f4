package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** The liveness check on real loopback sockets: timed at first, non-blocking once trusted. */
class StaleConnectionCheckTest {

  @Test
  void socketsFromTheFactoryHaveChannels() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Socket socket = StaleConnectionCheck.socketFactory()
            .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        Socket accepted = server.accept()) {
      assertThat(socket.getChannel()).isNotNull();
      assertThat(accepted.isConnected()).isTrue();
    }
  }

  @Test
  void anOpenConnectionStaysUsableAndAClosedOneIsFoundInBothModes() throws Exception {
    StaleConnectionCheck check = new StaleConnectionCheck();
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      // Timed mode, then trusted (non-blocking) mode: open connections are left open.
      for (int i = 0; i < StaleConnectionCheck.TRUST_AFTER + 5; i++) {
        try (Socket socket = connect(server); Socket accepted = server.accept()) {
          assertThat(check.closedByPeer(socket)).isFalse();
          assertThat(socket.isClosed()).isFalse();
          // The socket is still readable in blocking mode afterwards.
          accepted.getOutputStream().write('x');
          assertThat(socket.getInputStream().read()).isEqualTo('x');
        }
      }
      // Trusted mode: a connection the peer closed is found and closed.
      assertClosedIsFound(check, server);
      // Back in timed mode after that: still found.
      assertClosedIsFound(check, server);
    }
  }

  private static void assertClosedIsFound(StaleConnectionCheck check, ServerSocket server)
      throws Exception {
    try (Socket socket = connect(server)) {
      server.accept().close();
      Thread.sleep(50);
      assertThat(check.closedByPeer(socket)).isTrue();
      assertThat(socket.isClosed()).isTrue();
    }
  }

  private static Socket connect(ServerSocket server) throws IOException {
    return StaleConnectionCheck.socketFactory()
        .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort());
  }
}
