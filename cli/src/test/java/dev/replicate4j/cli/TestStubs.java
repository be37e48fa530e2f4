package dev.replicate4j.cli;

import dev.replicate4j.stub.Schedule;
import dev.replicate4j.stub.junit.StubRelayExtension;
import java.time.Duration;

/**
 * The stub the CLI tests run against, one per test class: fast predictions, and one model slow
 * enough to interrupt.
 */
final class TestStubs {
  /** rembg runs for a minute here, so waits on it can be stopped while it runs. */
  static final String SLOW_MODEL = "cjwbw/rembg";

  private TestStubs() {}

  /** Starts the class's stub before its {@code @BeforeAll} methods and closes it after the class. */
  static StubRelayExtension perClass() {
    return StubRelayExtension.create()
        .configure(stub -> stub.schedule(Schedule.of(Duration.ofMillis(20), Duration.ofMillis(200)))
            .schedule(SLOW_MODEL, Schedule.of(Duration.ofMillis(20), Duration.ofMinutes(1))))
        .perClass();
  }
}
