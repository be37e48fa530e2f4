package dev.replicate4j;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh loopback server (see {@link ServerTest}) and a client of it per test, retries recorded
 * instead of slept; the client is closed before the server.
 */
abstract class ServerAndClientTest extends ServerTest {
  ReplicateClient client;

  @BeforeEach
  void startClient() {
    client = TestHttp.clientFor(server, new RecordingSleeper()).build();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }
}
