package dev.replicate4j.cli;

import dev.replicate4j.ReplicateClient;
import dev.replicate4j.stub.Schedule;
import dev.replicate4j.stub.StubRelay;
import dev.replicate4j.stub.junit.StubRelayExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stub the CLI tests run against, one per test class (fast predictions, and one model slow
 * enough to interrupt), and a fresh folder per test.
 */
abstract class StubbedCliTest {
  /** rembg runs for a minute here, so waits on it can be stopped while it runs. */
  static final String SLOW_MODEL = "cjwbw/rembg";

  @RegisterExtension
  static final StubRelayExtension STUB = StubRelayExtension.create()
      .configure(stub -> stub.schedule(Schedule.of(Duration.ofMillis(20), Duration.ofMillis(200)))
          .schedule(SLOW_MODEL, Schedule.of(Duration.ofMillis(20), Duration.ofMinutes(1))))
      .perClass();

  /** The running test class's stub. */
  static StubRelay stub;

  @TempDir
  Path dir;

  @BeforeAll
  static void useTheClassStub(StubRelay started) {
    stub = started;
  }

  /** The environment that points the tool at {@link #stub}. */
  static Map<String, String> remoteEnv() {
    return Map.of(ReplicateClient.API_KEY_ENV, stub.apiKey(), ReplicateClient.BASE_URL_ENV,
        stub.baseUrl());
  }
}
