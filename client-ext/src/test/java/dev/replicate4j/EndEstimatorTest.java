package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The end estimate from progress lines alone, on instants the test picks. */
class EndEstimatorTest {
  private static final Instant SENT = Instant.parse("2026-11-25T12:00:00Z");
  private final EndEstimator estimator = new EndEstimator(new BarEndWindow(SENT));

  @Test
  void aPrintedEndTheRateAgreesWithIsTrusted() {
    see(500, "  0%|          | 0/50 [00:00<?, ?it/s]");
    see(1_500, " 20%|##        | 10/50 [00:01<00:04, 10.00it/s]");

    // Started at 0 (started_at = created_at): 0% at 0 s, 20% at 1 s, so 5 s; the line says 1 + 4.
    assertThat(estimator.plan(at(1_500)))
        .isEqualTo(new EndEstimator.Plan(EndEstimator.Kind.TRUSTED, at(5_000)));
  }

  @Test
  void oneLineAloneOnlyBringsPollsForward() {
    see(1_500, " 20%|##        | 10/50 [00:01<00:04, 10.00it/s]");

    assertThat(estimator.plan(at(1_500)).kind()).isEqualTo(EndEstimator.Kind.SOONER);
  }

  @Test
  void aRateThatDisagreesWithThePrintedEndOnlyBringsPollsForward() {
    see(500, "  0%|          | 0/50 [00:00<?, ?it/s]");
    // Its rate says 10 s more from a line printed 2.5 s in; seen at 1.5 s, it went 20% in 1.5 s.
    see(1_500, " 20%|##        | 10/50 [00:02<00:10, 0.25s/it]");

    EndEstimator.Plan plan = estimator.plan(at(1_500));
    assertThat(plan.kind()).isEqualTo(EndEstimator.Kind.SOONER);
    assertThat(plan.at()).isBefore(at(10_000));
  }

  @Test
  void aPercentageThatDropsStartsANewBar() {
    see(500, "  0%|          | 0/50 [00:00<?, ?it/s]");
    see(1_500, " 60%|######    | 30/50 [00:01<00:00, 30.00it/s]");
    see(2_500, " 10%|#         | 5/50 [00:00<00:09, 5.00it/s]");

    // The first bar's rate is gone; only the new line's own end is left, not trusted.
    assertThat(estimator.plan(at(2_500)).kind()).isEqualTo(EndEstimator.Kind.SOONER);
  }

  @Test
  void anotherTotalStartsANewBar() {
    see(500, "  0%|          | 0/20 [00:00<?, ?it/s]");
    see(1_500, " 20%|##        | 10/50 [00:01<00:04, 10.00it/s]");

    assertThat(estimator.plan(at(1_500)).kind()).isEqualTo(EndEstimator.Kind.SOONER);
  }

  @Test
  void aBarAt100PercentWhileRunningIsATail() {
    see(3_000, "100%|##########| 50/50 [00:02<00:00, 20.00it/s]");

    assertThat(estimator.plan(at(3_500)))
        .isEqualTo(new EndEstimator.Plan(EndEstimator.Kind.TAIL, at(2_500)));
  }

  @Test
  void aBarWhoseClockStandsStillCountsByItsRateOnly() {
    see(1_000, " 20%|##        | 10/50 [00:01<00:02]");
    see(1_500, " 20%|##        | 10/50 [00:01<00:02]");
    see(2_500, " 40%|####      | 20/50 [00:01<00:02]");

    // Dated 1 s and 1.5 s (no earlier than the response before): 20% per 0.5 s, so 3 s, where
    // the line would say 3.5 s.
    EndEstimator.Plan plan = estimator.plan(at(2_500));
    assertThat(plan).isEqualTo(new EndEstimator.Plan(EndEstimator.Kind.SOONER, at(3_000)));
  }

  @Test
  void noBarNoPlan() {
    see(1_000, "Generating\n");

    assertThat(estimator.plan(at(1_000))).isEqualTo(EndEstimator.Plan.NONE);
  }

  private void see(long millis, String logs) {
    estimator.observe(Prediction.fromJson(JsonCodec.MAP.fromJsonValue(java.util.Map.of(
        "id", "p1", "status", "processing", "created_at", "2026-11-02T10:15:30.123Z",
        "started_at", "2026-11-02T10:15:30.123Z", "logs", logs))), at(millis));
  }

  private static Instant at(long millisAfterSend) {
    return SENT.plus(Duration.ofMillis(millisAfterSend));
  }
}
