package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Where a progress bar's end falls on this machine's clock, from what polls showed and when. */
class BarEndWindowTest {
  private static final Instant SENT = Instant.parse("2026-11-25T12:00:00Z");
  /** 1 s into the bar, 4 s left. */
  private static final String LINE = " 20%|##        | 10/50 [00:01<00:04, 10.00it/s]";

  @Test
  void aLineIsNoOlderThanTheResponseBeforeTheOneThatShowedIt() {
    BarEndWindow window = new BarEndWindow(SENT);
    window.observe(running("2026-11-02T10:15:30.123Z", ""), at(2_000));
    window.observe(running("2026-11-02T10:15:30.123Z", LINE), at(3_000));

    // The start (created_at + 0 s) puts the line at 1 s at the earliest, but the response at 2 s did
    // not show it yet: printed in [2 s, 3 s], so the bar ends in [6 s, 7 s]: from 6 s on, any moment.
    assertThat(window.nextEnd(at(3_000))).contains(at(6_000));
    assertThat(window.nextEnd(at(6_000))).isEmpty();
  }

  @Test
  void theStartBoundsALineFirstSeenLongAfterItWasPrinted() {
    BarEndWindow window = new BarEndWindow(SENT);
    window.observe(running("2026-11-02T10:15:30.623Z", LINE), at(4_000));

    // Started 0.5 s after created_at: the line was printed at 1.5 s at the earliest.
    assertThat(window.nextEnd(at(4_000))).contains(at(5_500));
    assertThat(window.nextEnd(at(5_500))).isEmpty();
  }

  @Test
  void anUnchangedLineKeepsTheArrivalThatFirstShowedIt() {
    BarEndWindow window = new BarEndWindow(null);
    window.observe(running("2026-11-02T10:15:30.123Z", LINE), at(3_000));
    window.observe(running("2026-11-02T10:15:30.123Z", LINE), at(5_000));

    assertThat(window.nextEnd(at(5_000))).contains(at(7_000));
  }

  @Test
  void noRateNoEnd() {
    BarEndWindow window = new BarEndWindow(SENT);
    window.observe(running("2026-11-02T10:15:30.123Z",
        "  0%|          | 0/50 [00:00<?, ?it/s]"), at(1_000));

    assertThat(window.nextEnd(at(1_000))).isEmpty();
  }

  @Test
  void aBarThatDisappearsFromTheLogsEndsTheWindow() {
    BarEndWindow window = new BarEndWindow(SENT);
    window.observe(running("2026-11-02T10:15:30.123Z", LINE), at(1_000));
    window.observe(running("2026-11-02T10:15:30.123Z", "rewritten logs\n"), at(2_000));

    assertThat(window.nextEnd(at(2_000))).isEmpty();
  }

  @Test
  void anUnreadableStartLeavesOnlyTheLateEnd() {
    BarEndWindow window = new BarEndWindow(SENT);
    window.observe(running("yesterday", LINE), at(4_000));

    assertThat(window.nextEnd(at(4_000))).contains(at(8_000));
  }

  private static Prediction running(String startedAt, String logs) {
    return Prediction.fromJson(JsonCodec.MAP.fromJsonValue(java.util.Map.of(
        "id", "p1", "status", "processing", "created_at", "2026-11-02T10:15:30.123Z",
        "started_at", startedAt, "logs", logs)));
  }

  private static Instant at(long millisAfterSend) {
    return SENT.plus(Duration.ofMillis(millisAfterSend));
  }
}
