package dev.replicate4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replicate4j.PollingPolicy;
import dev.replicate4j.ReplicateClient;
import dev.replicate4j.models.FileOutputs;
import dev.replicate4j.models.Models;
import dev.replicate4j.stub.RequestKind;
import dev.replicate4j.stub.Schedule;
import dev.replicate4j.stub.StubRelay;
import dev.replicate4j.stub.junit.ReplicateStubExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A thousand async runs at once on one client finish on a bounded number of threads: no thread
 * is held per waiting prediction. Asserts the thread bound, never the time taken.
 */
class ConcurrentRunsTest {
  private static final int RUNS = 1000;
  /** The SDK's default limit of requests in flight (its HTTP threads) plus its poll scheduler. */
  private static final int SDK_THREAD_BOUND = 32;

  /**
   * Half a second of starting: a create's answer is written after the prediction begins, so on a
   * loaded machine a shorter job could already have ended in it, and that run would not poll.
   */
  @RegisterExtension
  static final ReplicateStubExtension RELAY = ReplicateStubExtension.create()
      .configureStub(stub -> stub.schedule(Schedule.of(Duration.ofMillis(500), Duration.ofMillis(100))));

  @Test
  void aThousandAsyncRunsCompleteOnABoundedNumberOfThreads(StubRelay stub) throws Exception {
    // Few polls per prediction and a deadline no loaded machine reaches.
    PollingPolicy policy = ReplicateStubExtension.TEST_POLLING_POLICY.toBuilder()
        .initialDelay(Duration.ofMillis(100)).multiplier(2).maxDelay(Duration.ofMillis(400))
        .deadline(Duration.ofMinutes(3)).build();
    List<CompletableFuture<FileOutputs>> runs = new ArrayList<>();
    try (ThreadCensus sdkThreads = ThreadCensus.start(ConcurrentRunsTest::isSdkThread);
        ReplicateClient client = ReplicateStubExtension.clientBuilder(stub).pollingPolicy(policy)
            .callTimeout(Duration.ofMinutes(3)).build()) {
      for (int i = 0; i < RUNS; i++) {
        runs.add(client.runAsync(Models.SDXL, Inputs.sdxl()));
      }
      CompletableFuture.allOf(runs.toArray(new CompletableFuture<?>[0])).get(4, TimeUnit.MINUTES);

      sdkThreads.close();
      assertThat(sdkThreads.peak())
          .as("peak of live SDK and OkHttp threads; seen: %s", sdkThreads.names())
          .isPositive()
          .isLessThanOrEqualTo(SDK_THREAD_BOUND);
    }
    for (CompletableFuture<FileOutputs> run : runs) {
      assertThat(run.join().size()).isEqualTo(1);
    }
    assertThat(stub.predictionsCreated()).isEqualTo(RUNS);
    assertThat(stub.journal().creates()).hasSize(RUNS)
        .allSatisfy(create -> assertThat(create.header("Prefer")).as("async runs poll").isEmpty());
    assertThat(stub.journal().count(RequestKind.GET)).as("every run polls at least once")
        .isGreaterThanOrEqualTo(RUNS);
    JournalChecks.assertNoPredictionCreatedTwice(stub);
  }

  /** The SDK names its threads replicate4j-*; OkHttp's own start with OkHttp. */
  private static boolean isSdkThread(String name) {
    return name.startsWith("replicate4j-") || name.startsWith("OkHttp");
  }
}
