package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a run sends on create, derived from its polling policy. */
class RunOptionsTest {
  @Test
  void syncModeAndServerDeadlineComeFromThePolicy() {
    CreateOptions options = PredictionRunner.runOptions(PollingPolicy.builder()
        .preferWaitSeconds(30).cancelAfter(Duration.ofMinutes(2)).build());

    assertThat(options.preferHeader()).isEqualTo("wait=30");
    assertThat(options.cancelAfterHeader()).isEqualTo("2m");
  }

  @Test
  void syncModeNeverOutlastsTheDeadline() {
    CreateOptions options = PredictionRunner.runOptions(PollingPolicy.builder()
        .preferWaitSeconds(60).deadline(Duration.ofSeconds(8)).build());

    assertThat(options.preferHeader()).isEqualTo("wait=7");
  }

  @Test
  void noSyncModeWhenThePolicyHasNone() {
    CreateOptions options = PredictionRunner.runOptions(PollingPolicy.builder()
        .preferWaitSeconds(null).build());

    assertThat(options.preferHeader()).isNull();
    assertThat(options.cancelAfterHeader()).isNull();
  }

  @Test
  void cancelAfterIsWrittenInTheApisDurationSyntax() {
    assertThat(CreateOptions.formatDuration(Duration.ofSeconds(5))).isEqualTo("5s");
    assertThat(CreateOptions.formatDuration(Duration.ofSeconds(3600 + 1800 + 45)))
        .isEqualTo("1h30m45s");
    assertThat(CreateOptions.formatDuration(Duration.ofHours(2))).isEqualTo("2h");
  }
}
