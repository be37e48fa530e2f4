package dev.replicate4j;

import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh loopback {@link MockWebServer} per test, closed after it. */
abstract class ServerTest {
  MockWebServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = TestHttp.start();
  }

  @AfterEach
  void closeServer() {
    server.close();
  }
}
