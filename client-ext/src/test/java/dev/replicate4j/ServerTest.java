package dev.replicate4j;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The loopback HTTP fixture: a fresh {@link MockWebServer} per test, a {@link RecordingSleeper}
 * and client builders aimed at the server, which a test customises before it builds. Every server
 * it started is closed after the test. A subclass's own {@code @BeforeEach} runs after the server
 * started (to set a dispatcher), its {@code @AfterEach} before the server closes.
 */
abstract class ServerTest {
  MockWebServer server;
  /** The sleeper of every client from {@link #builder()}: retries are recorded, not slept. */
  final RecordingSleeper sleeper = new RecordingSleeper();
  private final List<MockWebServer> servers = new ArrayList<>();

  @BeforeEach
  void startServer() throws Exception {
    server = anotherServer();
  }

  @AfterEach
  void closeServers() {
    servers.forEach(MockWebServer::close);
  }

  /** One more loopback server for this test (an upstream, another host), closed after it. */
  final MockWebServer anotherServer() throws IOException {
    MockWebServer started = TestHttp.start();
    servers.add(started);
    return started;
  }

  /**
   * A client builder aimed at {@link #server}: the test key, {@link #sleeper}, exact (unjittered)
   * default retry delays; the test changes what it needs and closes what it builds.
   */
  final ReplicateClientBuilder builder() {
    return TestHttp.clientFor(server, sleeper);
  }

  /** Resumes a prediction with a client of {@link #builder()} whose polls do not wait. */
  final Prediction awaitWithoutSleeping(String id) {
    try (ReplicateClient client = builder().ticker(new ImmediateTicker()).build()) {
      return client.resume(id).await();
    }
  }
}
