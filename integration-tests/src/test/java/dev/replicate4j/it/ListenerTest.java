package dev.replicate4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replicate4j.Prediction;
import dev.replicate4j.PredictionHandle;
import dev.replicate4j.PredictionListener;
import dev.replicate4j.PredictionStatus;
import dev.replicate4j.ReplicateClient;
import dev.replicate4j.models.FileOutputs;
import dev.replicate4j.models.Models;
import dev.replicate4j.stub.Schedule;
import dev.replicate4j.stub.junit.ReplicateStubExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Listeners over HTTP: however many polls see the same state, each status change, each new piece
 * of the logs and each progress value arrives once, and the pieces add up to the whole log.
 */
class ListenerTest {
  @RegisterExtension
  static final ReplicateStubExtension RELAY = ReplicateStubExtension.create()
      .configureStub(stub -> stub.schedule(Schedule.of(Duration.ofMillis(30), Duration.ofMillis(400))));

  @Test
  void statusesLogsAndProgressArriveOnceEach(ReplicateClient client) {
    PredictionHandle<FileOutputs> handle = client.create(Models.SDXL, Inputs.sdxl());
    Prediction created = handle.latest().orElseThrow();
    Recorder recorder = new Recorder();
    handle.addListener(recorder);

    Prediction done = handle.await();

    assertThat(done.status()).isEqualTo(PredictionStatus.SUCCEEDED);
    assertThat(recorder.statuses).doesNotHaveDuplicates().last().isEqualTo(PredictionStatus.SUCCEEDED);
    assertThat(recorder.previous.get(0)).isEqualTo(created.status());
    assertThat(recorder.previous.subList(1, recorder.previous.size()))
        .as("each change starts where the last one ended")
        .isEqualTo(recorder.statuses.subList(0, recorder.statuses.size() - 1));
    assertThat(recorder.logChunks).isNotEmpty().allSatisfy(chunk -> assertThat(chunk).isNotEmpty());
    assertThat(created.logs() + String.join("", recorder.logChunks))
        .as("log pieces, in order, without repeats").isEqualTo(done.logs());
    assertThat(recorder.progress).isSorted().doesNotHaveDuplicates().last().isEqualTo(1.0);
    assertThat(recorder.last).as("the end is heard after the last logs and progress")
        .isEqualTo("status SUCCEEDED");
  }

  @Test
  void aResumedHandleReportsTheFirstStatusItSeesWithNoPrevious(ReplicateClient client) {
    String id = client.create(Models.SDXL, Inputs.sdxl()).id();
    Recorder recorder = new Recorder();

    client.resume(id, Models.SDXL).addListener(recorder).await();

    assertThat(recorder.previous.get(0)).isNull();
    assertThat(recorder.statuses).doesNotHaveDuplicates().last().isEqualTo(PredictionStatus.SUCCEEDED);
  }

  /** Records what it hears; the SDK calls it from its own threads, one change at a time. */
  private static final class Recorder implements PredictionListener {
    final List<PredictionStatus> statuses = new ArrayList<>();
    final List<PredictionStatus> previous = new ArrayList<>();
    final List<String> logChunks = new ArrayList<>();
    final List<Double> progress = new ArrayList<>();
    String last;

    @Override
    public synchronized void onStatusChange(Prediction prediction, PredictionStatus before) {
      statuses.add(prediction.status());
      previous.add(before);
      last = "status " + prediction.status();
    }

    @Override
    public synchronized void onLogs(Prediction prediction, String newLogs) {
      logChunks.add(newLogs);
      last = "logs";
    }

    @Override
    public synchronized void onProgress(Prediction prediction, double fraction) {
      progress.add(fraction);
      last = "progress";
    }
  }
}
