package dev.replicate4j.stub;

import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The stub's open connections by MockWebServer's connection index (their accept order), so a
 * fault can act on the socket itself (a reset needs a zero linger time). Closed ones are dropped.
 */
final class AcceptedSockets {
  private final AtomicInteger next = new AtomicInteger();
  private final Map<Integer, Socket> open = new ConcurrentHashMap<>();

  void accepted(Socket socket) {
    open.values().removeIf(Socket::isClosed);
    open.put(next.getAndIncrement(), socket);
  }

  /** The socket of a connection index, or null if it is closed or unknown. */
  Socket get(int connectionIndex) {
    return open.get(connectionIndex);
  }
}
