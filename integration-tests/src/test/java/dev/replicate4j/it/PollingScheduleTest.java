package dev.replicate4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replicate4j.PollingPolicy;
import dev.replicate4j.Prediction;
import dev.replicate4j.PredictionStatus;
import dev.replicate4j.ReplicateClient;
import dev.replicate4j.models.Models;
import dev.replicate4j.stub.RecordedCall;
import dev.replicate4j.stub.Schedule;
import dev.replicate4j.stub.StubRelay;
import dev.replicate4j.stub.junit.ReplicateStubExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Polling stays within the policy, read from the stub's journal: requests are never closer than the
 * policy's delays (less jitter), there are no more of them than the delays allow in the time the
 * prediction took, and polling stops at the first terminal answer. Lower bounds on spacing only:
 * a slow machine can only make requests sparser.
 */
class PollingScheduleTest {
  @RegisterExtension
  static final ReplicateStubExtension RELAY = ReplicateStubExtension.create()
      .configureStub(stub -> stub.schedule(Schedule.of(Duration.ofMillis(50), Duration.ofMillis(200))));

  /** A growing schedule without the progress shortcut, so every delay is known. */
  private static final PollingPolicy GROWING = PollingPolicy.builder()
      .initialDelay(Duration.ofMillis(40))
      .multiplier(1.5)
      .maxDelay(Duration.ofMillis(160))
      .jitter(0.25)
      .maxProgressDelay(Duration.ZERO)
      .deadline(Duration.ofSeconds(30))
      .build();

  @Test
  void pollsFollowTheGrowingDelaysAndStopAtTheEnd(ReplicateClient client, StubRelay stub) {
    Prediction done = client.create(Models.SDXL, Inputs.sdxl()).await(GROWING);

    assertThat(done.status()).isEqualTo(PredictionStatus.SUCCEEDED);
    RecordedCall create = stub.journal().creates().get(0);
    List<RecordedCall> gets = stub.journal().gets(done.id());
    assertThat(create.header("Prefer")).isEmpty();
    assertThat(gets).isNotEmpty();
    for (int i = 0; i < gets.size(); i++) {
      RecordedCall previous = i == 0 ? create : gets.get(i - 1);
      assertThat(JournalChecks.gap(previous, gets.get(i)))
          .as("gap before poll %d", i)
          .isGreaterThanOrEqualTo(shortest(GROWING, i).minus(JournalChecks.CLOCK_SLACK));
    }
    Instant completedAt = done.completedAt().orElseThrow();
    assertAtMostOnePollAfter(gets, completedAt);
    Duration took = Duration.between(create.arrivedAt(), completedAt);
    assertThat(gets.size()).as("polls for a prediction that took %s", took)
        .isLessThanOrEqualTo(mostPollsWithin(GROWING, took) + 1);
  }

  @Test
  void followingTheProgressBarNeverPollsFasterThanTheInitialDelay(StubRelay stub) {
    try (ReplicateClient client = ReplicateStubExtension.clientBuilder(stub).build()) {
      Prediction done = client.create(Models.STABLE_DIFFUSION, Inputs.stableDiffusion()).await();

      List<RecordedCall> gets = stub.journal().gets(done.id());
      Duration floor = shortest(client.pollingPolicy(), 0).minus(JournalChecks.CLOCK_SLACK);
      for (int i = 1; i < gets.size(); i++) {
        assertThat(JournalChecks.gap(gets.get(i - 1), gets.get(i))).isGreaterThanOrEqualTo(floor);
      }
      assertAtMostOnePollAfter(gets, done.completedAt().orElseThrow());
    }
  }

  /** Once the prediction ended, the next poll sees it and polling stops. */
  private static void assertAtMostOnePollAfter(List<RecordedCall> gets, Instant completedAt) {
    assertThat(gets.stream().filter(get -> get.arrivedAt().isAfter(completedAt)))
        .as("polls after the prediction completed at %s", completedAt)
        .hasSizeLessThanOrEqualTo(1);
  }

  /** The shortest delay the policy allows before poll {@code n} (0 for the first): full jitter. */
  private static Duration shortest(PollingPolicy policy, int n) {
    double millis = Math.min(policy.initialDelay().toMillis() * Math.pow(policy.multiplier(), n),
        policy.maxDelay().toMillis());
    return Duration.ofMillis((long) Math.floor(millis * (1 - policy.jitter())));
  }

  /** How many polls fit in a span if every delay is the shortest the policy allows. */
  private static int mostPollsWithin(PollingPolicy policy, Duration span) {
    int polls = 0;
    Duration elapsed = shortest(policy, 0);
    while (elapsed.compareTo(span) <= 0) {
      polls++;
      elapsed = elapsed.plus(shortest(policy, polls));
    }
    return polls;
  }
}
