package dev.replicate4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.replicate4j.ConnectionException;
import dev.replicate4j.CreateOptions;
import dev.replicate4j.PollingPolicy;
import dev.replicate4j.PredictionTimeoutException;
import dev.replicate4j.ReplicateClient;
import dev.replicate4j.ServerException;
import dev.replicate4j.models.FileOutputs;
import dev.replicate4j.models.Models;
import dev.replicate4j.models.SdxlInput;
import dev.replicate4j.stub.Fault;
import dev.replicate4j.stub.RequestKind;
import dev.replicate4j.stub.Schedule;
import dev.replicate4j.stub.StubRelay;
import dev.replicate4j.stub.junit.ReplicateStubExtension;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One deadline bounds everything a run does, whatever the server does with its bytes: a response
 * that stalls after its headers or in the middle of its body, on the create or on any poll, ends
 * the run in {@link PredictionTimeoutException} shortly after the deadline (the README promises
 * 250 ms; the bound asserted here is generous, for loaded machines). A create cut off, or failed
 * after its request may have reached the server, says that the prediction may exist.
 */
class StalledResponseTest {
  private static final Duration DEADLINE = Duration.ofSeconds(2);
  /** Far more than the promised margin, so that a loaded machine does not fail the test. */
  private static final Duration LATEST = DEADLINE.plusSeconds(2);
  /** More stalled answers than a run can ask for in its deadline. */
  private static final int EVERY = 500;

  /** Predictions that take far longer than the deadline; the stub answers a create at once. */
  @RegisterExtension
  final ReplicateStubExtension relay = ReplicateStubExtension.create()
      .configureStub(stub -> stub.honourPreferWait(false)
          .schedule(Schedule.of(Duration.ofMillis(20), Duration.ofSeconds(60))));

  @BeforeAll
  static void loadTheCatalog() {
    // Loading it cold takes a while; that must not count as a margin past the deadline.
    assertThat(Models.SDXL).isNotNull();
  }

  static Stream<Fault> stalls() {
    return Stream.of(Fault.stallAfterHeaders(), Fault.stallMidBody());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stalls")
  void aRunWhosePollsStallEndsAtItsDeadline(Fault stall, ReplicateClient client, StubRelay stub)
      throws Exception {
    stub.failNext(RequestKind.GET, EVERY, stall);
    stub.failNext(RequestKind.CANCEL, EVERY, stall);

    PredictionTimeoutException e = timedOut(client, false, "run, polls " + stall);

    assertThat(e.predictionId()).isEqualTo(JournalChecks.onlyPredictionId(stub));
    assertThat(e.remoteCanceled()).as("the cancel never answered").isFalse();
    assertThat(stub.journal().cancels(e.predictionId())).as("the cancel was sent").hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stalls")
  void anAsyncRunWhosePollsStallEndsAtItsDeadline(Fault stall, ReplicateClient client,
      StubRelay stub) throws Exception {
    stub.failNext(RequestKind.GET, EVERY, stall);
    stub.failNext(RequestKind.CANCEL, EVERY, stall);

    PredictionTimeoutException e = timedOut(client, true, "runAsync, polls " + stall);

    assertThat(e.predictionId()).isEqualTo(JournalChecks.onlyPredictionId(stub));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stalls")
  void aRunWhoseCreateStallsEndsAtItsDeadlineSayingThePredictionMayExist(Fault stall,
      ReplicateClient client, StubRelay stub) throws Exception {
    stub.failNext(RequestKind.CREATE, stall);

    PredictionTimeoutException e = timedOut(client, false, "run, create " + stall);

    assertThat(e.predictionId()).isNull();
    assertThat(e.mayHaveCreated()).isTrue();
    assertThat(e.getMessage()).contains("may exist").contains("recent predictions");
    assertThat(stub.predictionsCreated()).as("the stub did create it").isEqualTo(1);
    assertThat(stub.journal().creates()).as("never sent twice").hasSize(1);
  }

  @Test
  void anAsyncRunWhoseCreateStallsEndsAtItsDeadline(ReplicateClient client, StubRelay stub)
      throws Exception {
    stub.failNext(RequestKind.CREATE, Fault.stallAfterHeaders());

    PredictionTimeoutException e =
        timedOut(client, true, "runAsync, create stalls after headers");

    assertThat(e.mayHaveCreated()).isTrue();
  }

  @Test
  void aSyncModeCreateHeldPastTheDeadlineDoesNotOutliveIt(ReplicateClient client,
      StubRelay stub) {
    // The server holds the answer far longer than the run's deadline (and its own Prefer: wait).
    stub.failNext(RequestKind.CREATE, Fault.slow(Duration.ofSeconds(30)));
    PollingPolicy policy = policy(client);

    SdxlInput input = Inputs.sdxl();
    long started = System.nanoTime();
    PredictionTimeoutException e = catchThrowableOfType(
        () -> client.run(Models.SDXL, input, CreateOptions.SYNC, policy),
        PredictionTimeoutException.class);

    assertEndedShortlyAfterTheDeadline(started, "run, sync-mode create held");
    assertThat(stub.journal().creates().get(0).header("Prefer")).contains("wait=1");
    assertThat(e.mayHaveCreated()).isTrue();
  }

  @Test
  void aCreateResetMidBodyIsNotRetriedAndSaysThePredictionMayExist(ReplicateClient client,
      StubRelay stub) {
    stub.failNext(RequestKind.CREATE, Fault.resetMidBody());

    ConnectionException e = catchThrowableOfType(
        () -> client.create(Models.SDXL, Inputs.sdxl()), ConnectionException.class);

    assertThat(e.mayHaveCreated()).isTrue();
    assertThat(e.getMessage()).contains("may exist").contains("recent predictions");
    assertThat(stub.predictionsCreated()).as("the stub did create it").isEqualTo(1);
    assertThat(stub.journal().creates()).as("never sent twice").hasSize(1);
  }

  @Test
  void aCreateAnsweredWithA5xxSaysThePredictionMayExist(ReplicateClient client, StubRelay stub) {
    stub.failNext(RequestKind.CREATE, Fault.status(502, "text/html", "<h1>Bad gateway</h1>"));

    ServerException e = catchThrowableOfType(
        () -> client.create(Models.SDXL, Inputs.sdxl()), ServerException.class);

    assertThat(e.mayHaveCreated()).isTrue();
    assertThat(e.getMessage()).contains("may exist");
    assertThat(stub.journal().creates()).hasSize(1);
  }

  @Test
  void aPollFailureIsNotAboutCreating(ReplicateClient client, StubRelay stub) {
    String id = client.create(Models.SDXL, Inputs.sdxl()).id();
    stub.failNext(RequestKind.GET, 4, Fault.status(503));

    ServerException e = catchThrowableOfType(() -> client.get(id), ServerException.class);

    assertThat(e.mayHaveCreated()).isFalse();
    assertThat(e.getMessage()).doesNotContain("may exist");
  }

  private static PollingPolicy policy(ReplicateClient client) {
    return client.pollingPolicy().toBuilder().deadline(DEADLINE).cancelOnDeadline(true).build();
  }

  /** Runs under the short deadline, sync or async, and checks it failed in time with a timeout. */
  private static PredictionTimeoutException timedOut(ReplicateClient client, boolean async,
      String what) throws Exception {
    SdxlInput input = Inputs.sdxl();
    PollingPolicy policy = policy(client);
    long started = System.nanoTime();
    Throwable e;
    if (async) {
      CompletableFuture<FileOutputs> run = client.runAsync(Models.SDXL, input, policy);
      e = catchThrowable(() -> run.get(LATEST.plusSeconds(10).toMillis(), TimeUnit.MILLISECONDS));
      assertThat(e).isInstanceOf(ExecutionException.class);
      e = e.getCause();
    } else {
      e = catchThrowable(() -> client.run(Models.SDXL, input, policy));
    }
    assertEndedShortlyAfterTheDeadline(started, what);
    assertThat(e).isInstanceOf(PredictionTimeoutException.class);
    return (PredictionTimeoutException) e;
  }

  private static void assertEndedShortlyAfterTheDeadline(long startedNanos, String what) {
    Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
    // The margin past the deadline, for the record of a run (the README states the promise).
    System.out.printf("deadline margin, %s: %d ms%n", what, took.minus(DEADLINE).toMillis());
    assertThat(took).as(what).isBetween(DEADLINE.minusMillis(50), LATEST);
  }
}
