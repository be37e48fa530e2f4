package dev.replicate4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.replicate4j.PredictionHandle;
import dev.replicate4j.RateLimitException;
import dev.replicate4j.ReplicateClient;
import dev.replicate4j.RetryPolicy;
import dev.replicate4j.models.FileOutputs;
import dev.replicate4j.models.Models;
import dev.replicate4j.stub.Fault;
import dev.replicate4j.stub.RecordedCall;
import dev.replicate4j.stub.RequestKind;
import dev.replicate4j.stub.StubRelay;
import dev.replicate4j.stub.junit.ReplicateStubExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server's requested delays are capped in one place ({@link RetryPolicy#maxRetryAfter()}) for
 * retries and waits alike, a call's timeout bounds its retries, and a throttled request never
 * holds a thread that other work needs.
 */
class ThrottlingTest {
  /** A day: what a misconfigured or hostile server may ask for. */
  private static final long A_DAY = 86_400;

  /** The stub answers a create at once, so runs go on by polling. */
  @RegisterExtension
  final ReplicateStubExtension relay = ReplicateStubExtension.create()
      .configureStub(stub -> stub.honourPreferWait(false));

  @Test
  void aRefreshAskedToWaitADayEndsWithinItsCallTimeoutAsARateLimit(StubRelay stub) {
    Duration callTimeout = Duration.ofSeconds(2);
    try (ReplicateClient client = ReplicateStubExtension.clientBuilder(stub)
        .retryPolicy(RetryPolicy.DEFAULT).callTimeout(callTimeout).build()) {
      PredictionHandle<FileOutputs> handle = client.create(Models.SDXL, Inputs.sdxl());
      stub.failNext(RequestKind.GET, 4, Fault.rateLimitedWithHeader(A_DAY));

      long started = System.nanoTime();
      RateLimitException e = catchThrowableOfType(handle::refresh, RateLimitException.class);
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(took).isLessThan(callTimeout.plusMillis(500));
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(A_DAY));
      assertThat(e.mayHaveCreated()).isFalse();
      stub.clearFaults();
    }
  }

  @Test
  void aWaitAskedToWaitADayPollsAgainAfterTheCap(StubRelay stub) {
    Duration cap = Duration.ofSeconds(1);
    try (ReplicateClient client = ReplicateStubExtension.clientBuilder(stub)
        .retryPolicy(ReplicateStubExtension.TEST_RETRY_POLICY.toBuilder().maxRetryAfter(cap)
            .build()).build()) {
      stub.failNext(RequestKind.GET, Fault.rateLimitedWithHeader(A_DAY));

      FileOutputs images = client.run(Models.SDXL, Inputs.sdxl());

      assertThat(images.size()).isEqualTo(1);
      List<RecordedCall> gets = stub.journal().requests(RequestKind.GET);
      assertThat(gets.get(0).fault()).contains("status 429 (Retry-After: " + A_DAY + ")");
      assertThat(JournalChecks.gap(gets.get(0), gets.get(1)))
          .isGreaterThanOrEqualTo(cap.minus(JournalChecks.CLOCK_SLACK))
          .isLessThan(cap.plusSeconds(2));
    }
  }

  @Test
  void throttledAsyncCreatesDoNotDelayAnUnrelatedWait(StubRelay stub) throws Exception {
    Duration retryAfter = Duration.ofSeconds(3);
    try (ReplicateClient client = ReplicateStubExtension.clientBuilder(stub)
        .maxConcurrentRequests(2)
        .retryPolicy(ReplicateStubExtension.TEST_RETRY_POLICY.toBuilder()
            .maxRetryAfter(Duration.ofSeconds(10)).build()).build()) {
      Duration unthrottled = timeToOutput(client.create(Models.SDXL, Inputs.sdxl()));

      PredictionHandle<FileOutputs> unrelated = client.create(Models.SDXL, Inputs.sdxl());
      stub.failNext(RequestKind.CREATE, 2, Fault.rateLimitedWithHeader(retryAfter.getSeconds()));
      CompletableFuture<FileOutputs> first = client.runAsync(Models.SDXL, Inputs.sdxl());
      CompletableFuture<FileOutputs> second = client.runAsync(Models.SDXL, Inputs.sdxl());
      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
          .until(() -> stub.pendingFaults(RequestKind.CREATE) == 0);
      Duration throttled = timeToOutput(unrelated);

      System.out.printf("unrelated wait: %d ms unthrottled, %d ms beside throttled creates%n",
          unthrottled.toMillis(), throttled.toMillis());
      // Before, both HTTP threads slept the 3 s out and the wait's polls queued behind them.
      assertThat(throttled).isLessThan(unthrottled.plusSeconds(1));
      assertThat(first.get(20, TimeUnit.SECONDS).size()).isEqualTo(1);
      assertThat(second.get(20, TimeUnit.SECONDS).size()).isEqualTo(1);
      JournalChecks.assertNoPredictionCreatedTwice(stub);
    }
  }

  private static Duration timeToOutput(PredictionHandle<FileOutputs> handle) {
    long started = System.nanoTime();
    assertThat(handle.output().size()).isEqualTo(1);
    return Duration.ofNanos(System.nanoTime() - started);
  }
}
