package dev.replicate4j.stub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A shape's lines are written when they are appended: a bar prints the seconds since its own
 * first line and tqdm's remaining time from that rate, so a stub running behind its plan prints
 * the time it really took. The shapes that promise made-up times still print them. The seconds
 * are given here (seconds since processing started, as the stub's clock would give them), so
 * nothing depends on this machine's speed.
 */
class LogShapeScriptTest {
  private static final long STEPS = 50;

  @Test
  void aLateLineOfTheHonestBarPrintsTheRealElapsedAndTheRemainingFromItsRate() {
    LogShape.Script script = LogShape.HONEST.script(STEPS);
    assertThat(ats(script)).containsExactly(0.0, 0.2, 0.4, 0.6, 0.8);

    // Planned for 0.9 s into a 4.5 s job, the 20% line comes at 2 s: 10 steps in 2 s, 40 to go.
    List<String> printed = play(script, 0, 2.0);
    assertThat(printed.get(1))
        .isEqualTo(" 20%|\u2588\u2588        | 10/50 [00:02<00:08,  5.00it/s]");
  }

  @Test
  void manyBarsTimesTheirLastBarFromItsFirstLineNotFromThePlan() {
    LogShape.Script script = LogShape.MANY_BARS.script(STEPS);
    List<LogShape.Line> lines = script.during();
    assertThat(lines.get(0).text().apply(0)).startsWith("Downloading weights part 0\n")
        .hasSizeGreaterThanOrEqualTo(1 << 20);
    assertThat(ats(script)).containsExactly(0.0, 0.0, 0.2, 0.4, 0.6, 0.8);

    // The bar's first line comes 0.5 s into processing, its 40% line 3.5 s later (planned 1.8 s).
    List<String> printed = play(script, 0.5, 0.5, 2.0, 4.0);
    assertThat(printed.get(1)).isEqualTo("  0%|          | 0/50 [00:00<?, ?it/s]");
    assertThat(printed.get(3))
        .isEqualTo(" 40%|\u2588\u2588\u2588\u2588      | 20/50 [00:03<00:05,  5.71it/s]");
    // The end, 10.5 s after the bar started (planned 4.5 s).
    assertThat(script.end().apply(11.0)).isEqualTo("100%|" + "\u2588".repeat(10)
        + "| 50/50 [00:10<00:00,  4.76it/s]");
  }

  @Test
  void eachOfTwoBarsKeepsItsOwnClock() {
    LogShape.Script script = LogShape.TWO_BARS.script(STEPS);
    assertThat(ats(script)).containsExactly(0.0, 0.12, 0.24, 0.36, 0.48, 0.6, 0.6, 0.7, 0.8, 0.9);
    // Every line 1 s late but the first: the base bar ends at 4 s, the refiner starts at 4 s.
    List<String> printed = play(script, 0, 1.5, 2.1, 2.6, 3.2, 4.0, 4.0, 5.0, 5.5, 6.0);
    assertThat(printed.get(5)).endsWith("| 50/50 [00:04<00:00, 12.50it/s]");
    assertThat(printed.get(6)).isEqualTo("  0%|          | 0/10 [00:00<?, ?it/s]");
    assertThat(printed.get(8)).endsWith("| 5/10 [00:01<00:01,  3.33it/s]");
    assertThat(script.end().apply(7.0)).endsWith("| 10/10 [00:03<00:00,  3.33it/s]");
  }

  @Test
  void theBarsOfTheOtherHonestShapesPrintRealTimesToo() {
    // restart: the retry's clock starts at its own 0% line (2 s), the end comes 6 s later.
    LogShape.Script restart = LogShape.RESTART.script(STEPS);
    List<String> printed = play(restart, 0, 0.5, 1.0, 2.0, 2.0, 3.0);
    assertThat(printed.get(3)).contains("retrying");
    assertThat(printed.get(5)).endsWith("| 10/50 [00:01<00:04, 10.00it/s]");
    assertThat(restart.end().apply(8.0)).endsWith("| 50/50 [00:06<00:00,  8.33it/s]");

    // stall_at_99: 49/50 printed late, then the end 9 s after the start.
    LogShape.Script stall = LogShape.STALL_AT_99.script(STEPS);
    printed = play(stall, 0, 1, 2, 3, 4, 7.0);
    assertThat(printed.get(5)).endsWith("| 49/50 [00:07<00:00,  7.00it/s]");
    assertThat(stall.end().apply(9.0)).endsWith("| 50/50 [00:09<00:00,  5.56it/s]");

    // tail_after_100: the 100% line prints when it comes; the tail's lines are plain.
    LogShape.Script tail = LogShape.TAIL_AFTER_100.script(STEPS);
    printed = play(tail, 0, 1, 2, 3, 4, 6.0, 6.0);
    assertThat(printed.get(5)).endsWith("| 50/50 [00:06<00:00,  8.33it/s]");
    assertThat(printed.get(6)).isEqualTo("Saving and uploading outputs");
    assertThat(tail.end().apply(9.0)).isEqualTo("Uploaded outputs");

    // rate_only: a counter without a total, its time since processing started.
    LogShape.Script rate = LogShape.RATE_ONLY.script(STEPS);
    printed = play(rate, 0, 4.0);
    assertThat(printed).containsExactly("0it [00:00,  0.00it/s]", "10it [00:04,  2.50it/s]");
    assertThat(rate.end().apply(10.0)).isEqualTo("50it [00:10,  5.00it/s]");
  }

  @Test
  void theShapesThatPromiseMadeUpTimesOrNoneStillPrintThem() {
    LogShape.Script constant = LogShape.CONSTANT_ETA.script(STEPS);
    List<String> printed = play(constant, 0, 3, 7, 12, 20);
    assertThat(printed).allSatisfy(line -> assertThat(line).endsWith("[00:01<00:02]"));
    assertThat(printed).extracting(line -> line.substring(0, 4))
        .containsExactly("  0%", " 20%", " 40%", " 60%", " 80%");
    assertThat(constant.end().apply(30)).startsWith("100%").endsWith("| 50/50 [00:01<00:02]");

    LogShape.Script plain = LogShape.NO_BAR.script(STEPS);
    assertThat(play(plain, 0, 3, 7, 12, 20)).containsExactly("denoising batch 1 of 5",
        "denoising batch 2 of 5", "denoising batch 3 of 5", "denoising batch 4 of 5",
        "denoising batch 5 of 5");
    assertThat(plain.end().apply(30)).isEqualTo("done");
  }

  /** When the script's lines are appended, in thousandths of the processing time. */
  private static List<Double> ats(LogShape.Script script) {
    List<Double> ats = new ArrayList<>();
    script.during().forEach(line -> ats.add(Math.round(line.at() * 1000) / 1000.0));
    return ats;
  }

  /** The texts of the script's first lines, each appended at the given seconds, in order. */
  private static List<String> play(LogShape.Script script, double... appendedAt) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < appendedAt.length; i++) {
      texts.add(script.during().get(i).text().apply(appendedAt[i]));
    }
    return texts;
  }
}
