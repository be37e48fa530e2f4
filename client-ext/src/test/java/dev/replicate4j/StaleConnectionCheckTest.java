package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/**
 * The liveness check on real loopback sockets, and which reused connections it spends its
 * millisecond on: every one at first, only long-idle ones once the server kept its connections.
 */
class StaleConnectionCheckTest {
  private static final long RECENT = 1_000_000L;
  private static final long IDLE = StaleConnectionCheck.TRUSTED_IDLE.toNanos();

  @Test
  void anOpenConnectionStaysUsableAndAClosedOneIsFoundAndClosed() throws Exception {
    StaleConnectionCheck check = new StaleConnectionCheck();
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      try (Socket socket = connect(server); Socket accepted = server.accept()) {
        assertThat(check.closedByPeer(socket)).isFalse();
        assertThat(socket.isClosed()).isFalse();
        // Still readable, with its own timeout, afterwards.
        accepted.getOutputStream().write('x');
        assertThat(socket.getInputStream().read()).isEqualTo('x');
      }
      try (Socket socket = connect(server)) {
        server.accept().close();
        Thread.sleep(50);
        assertThat(check.closedByPeer(socket)).isTrue();
        assertThat(socket.isClosed()).isTrue();
      }
    }
  }

  @Test
  void recentlyUsedConnectionsGoUncheckedOnlyAfterEnoughWereFoundOpen() throws Exception {
    StaleConnectionCheck check = new StaleConnectionCheck();
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      for (int i = 0; i < StaleConnectionCheck.TRUST_AFTER; i++) {
        assertThat(check.shouldProbe(RECENT)).isTrue();
        try (Socket socket = connect(server); Socket accepted = server.accept()) {
          assertThat(check.closedByPeer(socket)).isFalse();
        }
      }
      assertThat(check.shouldProbe(RECENT)).isFalse();
      assertThat(check.shouldProbe(IDLE)).isTrue();

      // One connection found closed (say, a keep-alive timeout): every reuse is checked again.
      try (Socket socket = connect(server)) {
        server.accept().close();
        Thread.sleep(50);
        assertThat(check.closedByPeer(socket)).isTrue();
      }
      assertThat(check.shouldProbe(RECENT)).isTrue();
    }
  }

  private static Socket connect(ServerSocket server) throws IOException {
    return new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
  }
}
