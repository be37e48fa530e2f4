package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Progress and remaining time read from tqdm lines as models print them. */
class TqdmProgressTest {
  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      " 46%|████▌     | 23/50 [00:01<00:01, 20.10it/s]; 0.46; 1343",
      " 10%|#         | 5/50 [00:01<00:09, 5it/s]; 0.1; 9000",
      "  4%|▍         | 2/50 [00:05<02:00, 2.50s/it]; 0.04; 120000",
      " 50%|#####     | 1/2 [00:01<00:01, ?it/s]; 0.5; 1000",
      " 30%|###       | 3/10 [01:00:00<02:20:00, 7.00s/it]; 0.3; 49000",
      "100%|##########| 50/50 [00:02<00:00, 20.1it/s]; 1.0; 0"})
  void readsFractionAndRemainingTime(String line, double fraction, long remainingMillis) {
    String logs = "Using seed: 42\n" + line + "\n";

    assertThat(TqdmProgress.lastFraction(logs)).hasValue(fraction);
    assertThat(remaining(logs)).contains(Duration.ofMillis(remainingMillis));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "  0%|          | 0/50 [00:00<?, ?it/s]",
      " 12%|#2        | 6/50 [00:03<?]"})
  void unknownRemainingTimeIsEmpty(String line) {
    assertThat(remaining(line)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {"no progress here", "''"})
  void logsWithoutABarHaveNoProgress(String logs) {
    assertThat(TqdmProgress.lastFraction(logs)).isEmpty();
    assertThat(remaining(logs)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void theLastRedrawnSegmentWins() {
    String logs = " 10%|#         | 5/50 [00:01<00:09, 5it/s]\r 60%|######    | 30/50 [00:06<00:04, 5it/s]";

    assertThat(TqdmProgress.lastFraction(logs)).hasValue(0.6);
    assertThat(remaining(logs)).contains(Duration.ofSeconds(4));
  }

  @org.junit.jupiter.api.Test
  void theLastBarWinsOverLaterLinesWithoutOne() {
    String logs = "Using seed: 42\r\n 20%|##        | 10/50 [00:02<00:08, 5it/s]\r\n"
        + " 40%|####      | 20/50 [00:04<00:06, 5it/s]\r\nSaving the image (100% done)\r\n";

    assertThat(TqdmProgress.lastFraction(logs)).hasValue(0.4);
    assertThat(remaining(logs)).contains(Duration.ofSeconds(6));
  }

  @org.junit.jupiter.api.Test
  void aPercentBarWithoutADigitIsNoBar() {
    String logs = " 30%|###       | 15/50 [00:03<00:07, 5it/s]\nloss %| 0.5\n";

    assertThat(TqdmProgress.lastFraction(logs)).hasValue(0.3);
  }

  @org.junit.jupiter.api.Test
  void aBarAtTheVeryStartOfTheLogsIsFound() {
    assertThat(TqdmProgress.lastFraction("7%|▋         | 7/100 [00:01<00:13, 7it/s]"))
        .hasValue(0.07);
  }

  @org.junit.jupiter.api.Test
  void megabytesOfLogsStillGiveTheLastBar() {
    StringBuilder logs = new StringBuilder();
    for (int i = 0; i <= 20_000; i++) {
      int step = i % 51;
      logs.append(String.format(java.util.Locale.ROOT,
          "%3d%%|##########| %d/50 [00:%02d<00:%02d, 1.00it/s]%n", step * 2, step, step,
          50 - step));
    }
    logs.append("Writing the output\n");

    // 20,000 % 51 = 8: the last bar is at step 8 of 50.
    assertThat(TqdmProgress.lastFraction(logs.toString())).hasValue(0.16);
    assertThat(remaining(logs.toString())).contains(Duration.ofSeconds(42));
  }

  private static Optional<Duration> remaining(String logs) {
    return TqdmProgress.lastBar(logs).map(TqdmProgress.Bar::remaining);
  }
}
