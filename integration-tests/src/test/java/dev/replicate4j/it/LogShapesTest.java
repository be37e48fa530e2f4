package dev.replicate4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replicate4j.PollingPolicy;
import dev.replicate4j.Prediction;
import dev.replicate4j.PredictionHandle;
import dev.replicate4j.PredictionStatus;
import dev.replicate4j.ReplicateClient;
import dev.replicate4j.models.Models;
import dev.replicate4j.models.StableDiffusionInput;
import dev.replicate4j.stub.LogShape;
import dev.replicate4j.stub.RecordedCall;
import dev.replicate4j.stub.Schedule;
import dev.replicate4j.stub.StubRelay;
import dev.replicate4j.stub.junit.ReplicateStubExtension;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The stub plays each shape of real logs over HTTP, and the default policy (without sync mode)
 * waits through each: the prediction succeeds, its logs have the shape, and polling stops at the
 * first terminal answer. Delays are the benchmark's to measure; here only that the wait ends. One
 * stub also plays a different shape per prediction, chosen by a rule on its input.
 */
class LogShapesTest {
  private static final PollingPolicy POLLING = PollingPolicy.DEFAULT.toBuilder()
      .deadline(Duration.ofSeconds(30)).build();

  @ParameterizedTest
  @EnumSource(LogShape.class)
  void theDefaultPolicyWaitsThroughEachShape(LogShape shape) {
    try (StubRelay stub = StubRelay.builder().honourPreferWait(false).logShape(shape)
        .schedule(Schedule.of(Duration.ofMillis(100), Duration.ofMillis(1500))).build().start();
        ReplicateClient client = ReplicateStubExtension.clientBuilder(stub)
            .pollingPolicy(POLLING).build()) {
      Prediction done = client.create(Models.STABLE_DIFFUSION, Inputs.stableDiffusion()).await();

      assertThat(done.status()).isEqualTo(PredictionStatus.SUCCEEDED);
      assertThat(done.logs()).contains(marker(shape));
      // Only the last poll may see the end: it can arrive a moment before the stub completes the
      // prediction and still read it completed, so its arrival is not compared.
      List<RecordedCall> gets = stub.journal().gets(done.id());
      assertThat(gets).isNotEmpty();
      assertThat(gets.subList(0, gets.size() - 1))
          .allSatisfy(get -> assertThat(get.arrivedAt()).isBefore(done.completedAt().get()));
    }
  }

  @Test
  void eachPredictionOfOneStubHasTheShapeItsInputOrHeaderChose() throws Exception {
    try (StubRelay stub = StubRelay.builder().honourPreferWait(false)
        .logShapes(input -> LogShape.valueOf(input.get("prompt").toString()))
        .schedule(Schedule.of(Duration.ofMillis(100), Duration.ofMillis(1500))).build().start();
        ReplicateClient client = ReplicateStubExtension.clientBuilder(stub)
            .pollingPolicy(POLLING).build()) {
      Map<LogShape, PredictionHandle<?>> handles = new EnumMap<>(LogShape.class);
      for (LogShape shape : LogShape.values()) {
        handles.put(shape, client.create(Models.STABLE_DIFFUSION,
            StableDiffusionInput.builder().prompt(shape.name()).seed(Seeds.next()).build()));
      }
      for (Map.Entry<LogShape, PredictionHandle<?>> e : handles.entrySet()) {
        Prediction done = e.getValue().await();
        assertThat(done.status()).isEqualTo(PredictionStatus.SUCCEEDED);
        assertThat(done.logs()).as(e.getKey().name()).contains(marker(e.getKey()));
        // Every shape's marker but the honest bar's end (which others print too) is its own.
        for (LogShape other : LogShape.values()) {
          if (other != e.getKey() && other != LogShape.HONEST) {
            assertThat(done.logs()).as(e.getKey() + " vs " + other)
                .doesNotContain(marker(other));
          }
        }
      }
    }
  }

  /** A piece of text only that shape prints. */
  static String marker(LogShape shape) {
    switch (shape) {
      case CONSTANT_ETA:
        return "[00:01<00:02]";
      case TWO_BARS:
        return "| 10/10 [";
      case RESTART:
        return "retrying";
      case STALL_AT_99:
        return "49/50";
      case TAIL_AFTER_100:
        return "Uploaded outputs";
      case RATE_ONLY:
        return "50it [";
      case NO_BAR:
        return "denoising batch 5 of 5\ndone";
      case MANY_BARS:
        return "Downloading weights part 300";
      default:
        return "| 50/50 [";
    }
  }
}
