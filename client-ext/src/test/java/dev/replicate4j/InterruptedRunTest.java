package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.replicate4j.models.Models;
import dev.replicate4j.models.SdxlInput;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Interrupting a thread blocked in {@code run()} stops the local wait only, and the exception names
 * the prediction: the caller of a run never saw its id, so without it the prediction (still running,
 * still billed) could be found again only among the recent predictions.
 */
class InterruptedRunTest extends ServerAndClientTest {
  @Test
  void anInterruptedRunNamesThePredictionItLeavesRunning() throws Exception {
    for (int i = 0; i < 100; i++) {
      server.enqueue(PredictionJson.prediction("p1").status("processing").ok());
    }
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    Thread caller = new Thread(() -> {
      failure.set(catchThrowable(() -> client.run(Models.SDXL,
          SdxlInput.builder().prompt("a fox").build(),
          CreateOptions.builder().preferWaitSeconds(null).build(), client.pollingPolicy())));
      stillInterrupted.set(Thread.currentThread().isInterrupted());
    });
    caller.start();
    server.takeRequest(10, TimeUnit.SECONDS); // the create
    server.takeRequest(10, TimeUnit.SECONDS); // a poll: the run is waiting

    caller.interrupt();
    caller.join(TimeUnit.SECONDS.toMillis(10));

    assertThat(caller.isAlive()).isFalse();
    assertThat(failure.get()).isExactlyInstanceOf(ReplicateException.class)
        .hasMessageContaining("Interrupted while waiting for prediction p1")
        .hasMessageContaining("may still be running");
    assertThat(stillInterrupted).isTrue();
    // Stopping the wait does not cancel the prediction: only polls followed the create.
    for (RecordedRequest request = server.takeRequest(200, TimeUnit.MILLISECONDS); request != null;
        request = server.takeRequest(200, TimeUnit.MILLISECONDS)) {
      assertThat(request.getMethod()).isEqualTo("GET");
    }
  }
}
