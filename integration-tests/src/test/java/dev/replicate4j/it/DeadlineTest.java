package dev.replicate4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.replicate4j.CreateOptions;
import dev.replicate4j.PollingPolicy;
import dev.replicate4j.PredictionCanceledException;
import dev.replicate4j.PredictionHandle;
import dev.replicate4j.PredictionStatus;
import dev.replicate4j.PredictionTimeoutException;
import dev.replicate4j.ReplicateClient;
import dev.replicate4j.models.FileOutputs;
import dev.replicate4j.models.Models;
import dev.replicate4j.stub.RecordedCall;
import dev.replicate4j.stub.Schedule;
import dev.replicate4j.stub.StubRelay;
import dev.replicate4j.stub.junit.ReplicateStubExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Deadlines over HTTP: a run that passes its deadline cancels the remote prediction (nobody will
 * read it), an explicit wait on a handle only stops waiting, and a server-side deadline from the
 * policy ({@code Cancel-After}) reaches the server and ends the prediction there.
 */
class DeadlineTest {
  /** Predictions that take far longer than any deadline below. */
  @RegisterExtension
  static final ReplicateStubExtension RELAY = ReplicateStubExtension.create()
      .configureStub(stub -> stub.schedule(Schedule.of(Duration.ofMillis(20), Duration.ofSeconds(30))));

  @Test
  void aRunPastItsDeadlineCancelsTheRemotePrediction(ReplicateClient client, StubRelay stub) {
    PredictionTimeoutException e = runPast(client, Duration.ofMillis(1500));

    // Sync mode may hold the create for its whole wait: the wait must fit in the deadline.
    assertThat(stub.journal().creates().get(0).header("Prefer")).contains("wait=1");
    String id = JournalChecks.onlyPredictionId(stub);
    assertThat(e.predictionId()).isEqualTo(id);
    assertThat(e.remoteCanceled()).isTrue();
    assertThat(e.lastSeen().status()).isEqualTo(PredictionStatus.CANCELED);
    assertThat(stub.journal().cancels(id)).hasSize(1);
    assertThat(stub.status(id)).isEqualTo("canceled");
  }

  @Test
  void aRunWithADeadlineUnderASecondPollsAndCancels(ReplicateClient client, StubRelay stub) {
    PredictionTimeoutException e = runPast(client, Duration.ofMillis(300));

    assertThat(stub.journal().creates().get(0).header("Prefer")).as("no sync mode").isEmpty();
    assertThat(e.remoteCanceled()).isTrue();
    assertThat(stub.journal().gets(e.predictionId())).isNotEmpty();
    assertThat(stub.journal().cancels(e.predictionId())).hasSize(1);
  }

  @Test
  void awaitingAHandleWithADeadlineOnlyStopsWaiting(ReplicateClient client, StubRelay stub) {
    PredictionHandle<FileOutputs> handle = client.create(Models.SDXL, Inputs.sdxl());

    PredictionTimeoutException e = catchThrowableOfType(
        () -> handle.await(Duration.ofMillis(300)), PredictionTimeoutException.class);

    assertThat(e.remoteCanceled()).isFalse();
    assertThat(e.getMessage()).contains("may still be running");
    assertThat(e.lastSeen().status().isTerminal()).isFalse();
    assertThat(stub.journal().cancels(handle.id())).isEmpty();
    assertThat(stub.status(handle.id())).isIn("starting", "processing");
  }

  @Test
  void cancelAfterFromTheCreateOptionsReachesTheServerWhichEndsThePrediction(
      ReplicateClient client, StubRelay stub) {
    CreateOptions serverDeadline = client.runOptions().toBuilder()
        .cancelAfter(Duration.ofSeconds(5)).build();

    PredictionCanceledException e = catchThrowableOfType(
        () -> client.run(Models.SDXL, Inputs.sdxl(), serverDeadline, client.pollingPolicy()),
        PredictionCanceledException.class);

    RecordedCall create = stub.journal().creates().get(0);
    assertThat(create.header("Cancel-After")).contains("5s");
    assertThat(e.prediction().deadline()).isPresent();
    assertThat(e.prediction().logs()).contains("Cancel-After");
    assertThat(stub.journal().cancels(e.prediction().id())).as("cancels sent by the client")
        .isEmpty();
  }

  /** Runs SDXL under the client's polling policy with this deadline; the timeout it ends with. */
  private static PredictionTimeoutException runPast(ReplicateClient client, Duration deadline) {
    PollingPolicy policy = client.pollingPolicy().toBuilder().deadline(deadline).build();
    return catchThrowableOfType(() -> client.run(Models.SDXL, Inputs.sdxl(), policy),
        PredictionTimeoutException.class);
  }
}
