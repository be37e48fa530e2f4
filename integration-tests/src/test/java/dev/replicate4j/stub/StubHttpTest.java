package dev.replicate4j.stub;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh stub per test, built from {@link #configure}, and a raw HTTP client of it; both closed
 * after the test.
 */
abstract class StubHttpTest {
  /** Predictions that finish quickly: 20 ms starting, 100 ms processing. */
  static final Schedule QUICK = Schedule.of(Duration.ofMillis(20), Duration.ofMillis(100));

  StubRelay stub;
  StubHttp http;

  @BeforeEach
  void startStub() {
    stub = configure(StubRelay.builder()).build().start();
    http = new StubHttp(stub);
  }

  @AfterEach
  void closeStub() {
    http.close();
    stub.close();
  }

  /** The test class's stub; {@link #QUICK} predictions by default. */
  StubRelayBuilder configure(StubRelayBuilder builder) {
    return builder.schedule(QUICK);
  }
}
