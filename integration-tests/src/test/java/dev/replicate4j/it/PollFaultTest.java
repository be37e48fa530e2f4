package dev.replicate4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.replicate4j.ReplicateClient;
import dev.replicate4j.models.FileOutputs;
import dev.replicate4j.models.Models;
import dev.replicate4j.stub.Fault;
import dev.replicate4j.stub.RecordedCall;
import dev.replicate4j.stub.RequestKind;
import dev.replicate4j.stub.StubRelay;
import dev.replicate4j.stub.junit.ReplicateStubExtension;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults on the polls of a run. A GET is safe to repeat, so every one of them is retried or polled
 * through and the run still returns its output; the create is never repeated.
 */
class PollFaultTest {
  /** The stub answers at once despite Prefer: wait, so every run goes on by polling. */
  @RegisterExtension
  static final ReplicateStubExtension RELAY = ReplicateStubExtension.create()
      .configureStub(stub -> stub.honourPreferWait(false));

  @AfterEach
  void oneCreateAndNoLeftovers(StubRelay stub) {
    assertThat(stub.pendingFaults(RequestKind.GET)).as("unused faults").isZero();
    assertThat(stub.journal().creates()).hasSize(1);
    assertThat(stub.journal().requests(RequestKind.CANCEL)).isEmpty();
    JournalChecks.assertNoPredictionCreatedTwice(stub);
  }

  @Test
  void rateLimitWithRetryAfterHeaderIsWaitedOut(ReplicateClient client, StubRelay stub) {
    stub.failNext(RequestKind.GET, Fault.rateLimitedWithHeader(1));

    assertSucceeded(client.run(Models.SDXL, Inputs.sdxl()));

    assertNextGetAtLeastAfter(stub, Duration.ofSeconds(1));
  }

  @Test
  void rateLimitWithRetryAfterInTheBodyIsWaitedOut(ReplicateClient client, StubRelay stub) {
    stub.failNext(RequestKind.GET, Fault.rateLimitedWithBody(1));

    assertSucceeded(client.run(Models.SDXL, Inputs.sdxl()));

    assertNextGetAtLeastAfter(stub, Duration.ofSeconds(1));
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {500, 502, 503, 504})
  void serverErrorsOnPollsAreRetried(int code, ReplicateClient client, StubRelay stub) {
    stub.failNext(RequestKind.GET, 2, Fault.status(code));

    assertSucceeded(client.run(Models.SDXL, Inputs.sdxl()));

    List<RecordedCall> gets = stub.journal().requests(RequestKind.GET);
    assertThat(gets.subList(0, 2)).allSatisfy(get ->
        assertThat(get.fault()).contains("status " + code));
    assertThat(gets.size()).isGreaterThan(2);
  }

  static Stream<Arguments> spoiledPolls() {
    return Stream.of(
        arguments("drop before response", Fault.dropBeforeResponse()),
        arguments("drop mid body", Fault.dropMidBody()),
        arguments("malformed json", Fault.malformedJson()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("spoiledPolls")
  void aSpoiledPollIsRetriedOrPolledThrough(String fault, Fault spoiled, ReplicateClient client,
      StubRelay stub) {
    stub.failNext(RequestKind.GET, spoiled);

    assertSucceeded(client.run(Models.SDXL, Inputs.sdxl()));

    assertFirstGetSpoiledAndPolledOn(stub, fault);
  }

  @Test
  void aPollSlowerThanTheReadTimeoutIsRetried(StubRelay stub) {
    stub.failNext(RequestKind.GET, Fault.slow(Duration.ofMillis(1500)));
    try (ReplicateClient client = ReplicateStubExtension.clientBuilder(stub)
        .readTimeout(Duration.ofMillis(250)).build()) {

      assertSucceeded(client.run(Models.SDXL, Inputs.sdxl()));
    }
    assertFirstGetSpoiledAndPolledOn(stub, "slow 1500ms");
  }

  private static void assertSucceeded(FileOutputs images) {
    assertThat(images.size()).isEqualTo(1);
  }

  private static void assertNextGetAtLeastAfter(StubRelay stub, Duration retryAfter) {
    List<RecordedCall> gets = stub.journal().requests(RequestKind.GET);
    assertThat(gets.get(0).fault()).hasValueSatisfying(f -> assertThat(f).startsWith("status 429"));
    assertThat(gets).hasSizeGreaterThan(1);
    assertThat(JournalChecks.gap(gets.get(0), gets.get(1)))
        .isGreaterThanOrEqualTo(retryAfter.minus(JournalChecks.CLOCK_SLACK));
  }

  private static void assertFirstGetSpoiledAndPolledOn(StubRelay stub, String fault) {
    List<RecordedCall> gets = stub.journal().requests(RequestKind.GET);
    assertThat(gets.get(0).fault()).contains(fault);
    assertThat(gets.subList(1, gets.size())).isNotEmpty()
        .allSatisfy(get -> assertThat(get.fault()).isEmpty())
        .allSatisfy(get -> assertThat(get.predictionId()).isEqualTo(gets.get(0).predictionId()));
  }
}
