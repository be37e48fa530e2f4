package dev.replicate4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.replicate4j.Prediction;
import dev.replicate4j.PredictionCanceledException;
import dev.replicate4j.PredictionHandle;
import dev.replicate4j.PredictionStatus;
import dev.replicate4j.ReplicateClient;
import dev.replicate4j.models.FileOutputs;
import dev.replicate4j.models.Models;
import dev.replicate4j.stub.Schedule;
import dev.replicate4j.stub.StubRelay;
import dev.replicate4j.stub.junit.ReplicateStubExtension;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Handles over HTTP: resumed from an id by another client, cancelled while running, awaited
 * asynchronously.
 */
class HandleTest {
  @RegisterExtension
  static final ReplicateStubExtension RELAY = ReplicateStubExtension.create()
      .configureStub(stub -> stub.schedule(Schedule.of(Duration.ofMillis(20), Duration.ofMillis(300)))
          .schedule("stability-ai/stable-diffusion", Schedule.of(Duration.ZERO, Duration.ofSeconds(30))));

  @Test
  void aSecondClientResumesAPredictionByIdAndGetsItsTypedOutput(ReplicateClient client,
      StubRelay stub) throws IOException {
    String id = client.create(Models.SDXL, Inputs.sdxl()).id();

    try (ReplicateClient elsewhere = ReplicateStubExtension.clientBuilder(stub).build()) {
      PredictionHandle<FileOutputs> resumed = elsewhere.resume(id, Models.SDXL);
      assertThat(resumed.latest()).as("no request before waiting").isEmpty();

      FileOutputs images = resumed.output();

      assertThat(images.size()).isEqualTo(1);
      try (InputStream in = images.first().openStream()) {
        assertThat(Magic.of(in.readAllBytes())).isEqualTo(Magic.PNG);
      }
      assertThat(resumed.latest().orElseThrow().id()).isEqualTo(id);
    }
    assertThat(stub.journal().creates()).hasSize(1);
    assertThat(stub.journal().gets(id)).isNotEmpty();
    JournalChecks.assertFilesFetchedWithoutToken(stub);
  }

  @Test
  void cancellingARunningPredictionStopsItOnTheServer(ReplicateClient client, StubRelay stub) {
    PredictionHandle<FileOutputs> handle =
        client.create(Models.STABLE_DIFFUSION, Inputs.stableDiffusion());
    Prediction running = handle.awaitUntil(p -> p.status() == PredictionStatus.PROCESSING,
        Duration.ofSeconds(20));
    assertThat(running.status()).isEqualTo(PredictionStatus.PROCESSING);

    Prediction canceled = handle.cancel();

    assertThat(canceled.status()).isEqualTo(PredictionStatus.CANCELED);
    assertThat(stub.status(handle.id())).isEqualTo("canceled");
    assertThat(stub.journal().cancels(handle.id())).hasSize(1);
    PredictionCanceledException e = catchThrowableOfType(handle::output,
        PredictionCanceledException.class);
    assertThat(e.prediction().id()).isEqualTo(handle.id());
  }

  @Test
  void outputAsyncCompletesWithTheTypedOutput(ReplicateClient client, StubRelay stub)
      throws Exception {
    PredictionHandle<FileOutputs> handle = client.create(Models.SDXL, Inputs.sdxl());

    FileOutputs images = handle.outputAsync().get(20, TimeUnit.SECONDS);

    assertThat(images.size()).isEqualTo(1);
    assertThat(stub.status(handle.id())).isEqualTo("succeeded");
  }

  @Test
  void cancellingTheOutputFutureStopsWaitingAndOnlyCancelCancelsOnTheServer(
      ReplicateClient client, StubRelay stub) {
    PredictionHandle<FileOutputs> handle =
        client.create(Models.STABLE_DIFFUSION, Inputs.stableDiffusion());
    CompletableFuture<FileOutputs> output = handle.outputAsync();

    assertThat(output.cancel(true)).isTrue();
    assertThat(stub.journal().cancels(handle.id())).as("stopping a wait cancels nothing")
        .isEmpty();

    handle.cancel();
    assertThat(stub.status(handle.id())).isEqualTo("canceled");
    assertThat(stub.journal().cancels(handle.id())).hasSize(1);
  }
}
