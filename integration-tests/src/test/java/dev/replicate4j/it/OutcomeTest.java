package dev.replicate4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.replicate4j.OutputExpiredException;
import dev.replicate4j.Prediction;
import dev.replicate4j.PredictionAbortedException;
import dev.replicate4j.PredictionFailedException;
import dev.replicate4j.PredictionHandle;
import dev.replicate4j.PredictionListener;
import dev.replicate4j.PredictionStatus;
import dev.replicate4j.ReplicateClient;
import dev.replicate4j.models.FileOutputs;
import dev.replicate4j.models.Models;
import dev.replicate4j.stub.Outcome;
import dev.replicate4j.stub.RequestKind;
import dev.replicate4j.stub.StubRelay;
import dev.replicate4j.stub.junit.ReplicateStubExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How predictions end badly, or strangely, and the typed error or result each gives over HTTP.
 * The stub ignores Prefer: wait so that the SDK sees the states along the way by polling.
 */
class OutcomeTest {
  @RegisterExtension
  static final ReplicateStubExtension RELAY = ReplicateStubExtension.create()
      .configureStub(stub -> stub.honourPreferWait(false));

  @AfterEach
  void neverCreatedTwice(StubRelay stub) {
    JournalChecks.assertNoPredictionCreatedTwice(stub);
  }

  @Test
  void anAbortedPredictionEndsTheRunWithItsPrediction(ReplicateClient client, StubRelay stub) {
    stub.nextOutcome(Outcome.aborted());

    PredictionAbortedException e = catchThrowableOfType(
        () -> client.run(Models.SDXL, Inputs.sdxl()), PredictionAbortedException.class);

    Prediction aborted = e.prediction();
    assertThat(aborted.status()).isEqualTo(PredictionStatus.ABORTED);
    assertThat(aborted.id()).isEqualTo(JournalChecks.onlyPredictionId(stub));
    assertThat(stub.status(aborted.id())).isEqualTo("aborted");
    assertThat(aborted.startedAt()).isEmpty();
  }

  @Test
  void aFailedPredictionCarriesItsErrorAndLogs(ReplicateClient client, StubRelay stub) {
    stub.nextOutcome(Outcome.failed("CUDA out of memory"));

    PredictionFailedException e = catchThrowableOfType(
        () -> client.run(Models.SDXL, Inputs.sdxl()), PredictionFailedException.class);

    Prediction failed = e.prediction();
    assertThat(failed.status()).isEqualTo(PredictionStatus.FAILED);
    assertThat(failed.error()).contains("CUDA out of memory");
    assertThat(failed.logs()).contains("Traceback", "RuntimeError: CUDA out of memory");
    assertThat(e.getMessage()).contains(failed.id());
  }

  @Test
  void removedOutputIsReportedAsExpiredWithoutDownloading(ReplicateClient client,
      StubRelay stub) {
    stub.nextOutcome(Outcome.dataRemoved());

    OutputExpiredException e = catchThrowableOfType(
        () -> client.run(Models.SDXL, Inputs.sdxl()), OutputExpiredException.class);

    assertThat(e.prediction().dataRemoved()).isTrue();
    assertThat(e.prediction().status()).isEqualTo(PredictionStatus.SUCCEEDED);
    assertThat(e.prediction().output()).isNull();
    assertThat(stub.journal().files()).isEmpty();
  }

  @Test
  void anUnknownStatusIsReportedAndWaitedOnUntilTheRealEnd(ReplicateClient client,
      StubRelay stub) {
    stub.nextOutcome(Outcome.unknownStatus("queued_for_gpu", Duration.ofMillis(500)));
    List<String> statuses = new CopyOnWriteArrayList<>();

    PredictionHandle<FileOutputs> handle = client.create(Models.SDXL, Inputs.sdxl());
    handle.addListener(new PredictionListener() {
      @Override
      public void onStatusChange(Prediction prediction, PredictionStatus previous) {
        statuses.add(previous + "->" + prediction.rawStatus().orElseThrow());
      }
    });
    assertThat(handle.latest().orElseThrow().status()).isEqualTo(PredictionStatus.UNKNOWN);
    assertThat(handle.latest().orElseThrow().rawStatus()).contains("queued_for_gpu");

    FileOutputs images = handle.output();

    assertThat(images.size()).isEqualTo(1);
    // Processing may pass between two polls; the unknown status must not end the wait early.
    assertThat(statuses).doesNotHaveDuplicates();
    assertThat(statuses.get(0)).startsWith("UNKNOWN->");
    assertThat(statuses.get(statuses.size() - 1)).endsWith("->succeeded");
    assertThat(stub.journal().requests(RequestKind.GET)).hasSizeGreaterThan(1);
  }

  @Test
  void anUnknownStatusDoesNotEndARun(ReplicateClient client, StubRelay stub) {
    stub.nextOutcome(Outcome.unknownStatus("queued_for_gpu", Duration.ofMillis(500)));

    FileOutputs images = client.run(Models.SDXL, Inputs.sdxl());

    assertThat(images.size()).isEqualTo(1);
    assertThat(stub.journal().requests(RequestKind.GET)).hasSizeGreaterThan(1);
  }
}
