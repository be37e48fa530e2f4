package dev.replicate4j;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh loopback server (see {@link ServerTest}) and a client of it per test, built from
 * {@link #settings} and closed before the server.
 */
abstract class ServerAndClientTest extends ServerTest {
  ReplicateClient client;

  @BeforeEach
  void startClient() {
    client = settings(builder()).build();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  /** The test class's changes to the shared client's builder; none by default. */
  ReplicateClientBuilder settings(ReplicateClientBuilder builder) {
    return builder;
  }
}
