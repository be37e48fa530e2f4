package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
    assertThat(TqdmProgress.remaining(logs)).contains(Duration.ofMillis(remainingMillis));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "  0%|          | 0/50 [00:00<?, ?it/s]",
      " 12%|#2        | 6/50 [00:03<?]"})
  void unknownRemainingTimeIsEmpty(String line) {
    assertThat(TqdmProgress.remaining(line)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {"no progress here", "''"})
  void logsWithoutABarHaveNoProgress(String logs) {
    assertThat(TqdmProgress.lastFraction(logs)).isEmpty();
    assertThat(TqdmProgress.remaining(logs)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void theLastRedrawnSegmentWins() {
    String logs = " 10%|#         | 5/50 [00:01<00:09, 5it/s]\r 60%|######    | 30/50 [00:06<00:04, 5it/s]";

    assertThat(TqdmProgress.lastFraction(logs)).hasValue(0.6);
    assertThat(TqdmProgress.remaining(logs)).contains(Duration.ofSeconds(4));
  }
}
