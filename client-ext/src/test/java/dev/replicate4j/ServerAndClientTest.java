package dev.replicate4j;

import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh {@link MockWebServer} and a client of it per test, retries recorded instead of slept;
 * both closed after the test.
 */
abstract class ServerAndClientTest {
  MockWebServer server;
  ReplicateClient client;

  @BeforeEach
  void startServerAndClient() throws Exception {
    server = TestHttp.start();
    client = TestHttp.clientFor(server, new RecordingSleeper()).build();
  }

  @AfterEach
  void closeClientAndServer() {
    client.close();
    server.close();
  }
}
