package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a run sends on create: its create options, with sync mode fitted to the deadline. */
class RunOptionsTest {
  @Test
  void syncModeAndServerDeadlineComeFromTheCreateOptions() {
    CreateOptions options = PredictionRunner.runOptions(CreateOptions.builder()
        .preferWaitSeconds(30).cancelAfter(Duration.ofMinutes(2)).build(), PollingPolicy.DEFAULT);

    assertThat(options.preferHeader()).isEqualTo("wait=30");
    assertThat(options.cancelAfterHeader()).isEqualTo("2m");
  }

  @Test
  void syncModeNeverOutlastsTheDeadline() {
    CreateOptions options = PredictionRunner.runOptions(CreateOptions.SYNC,
        PollingPolicy.builder().deadline(Duration.ofSeconds(8)).build());

    assertThat(options.preferHeader()).isEqualTo("wait=7");
  }

  @Test
  void noSyncModeWhenTheOptionsHaveNone() {
    CreateOptions options = PredictionRunner.runOptions(CreateOptions.NONE, PollingPolicy.DEFAULT);

    assertThat(options.preferHeader()).isNull();
    assertThat(options.cancelAfterHeader()).isNull();
  }

  @Test
  void theWebhookIsKept() {
    CreateOptions options = PredictionRunner.runOptions(CreateOptions.builder()
        .webhook("https://example.com/hook").preferWaitSeconds(5).build(), PollingPolicy.DEFAULT);

    assertThat(options.webhook()).contains("https://example.com/hook");
  }

  @Test
  void cancelAfterIsWrittenInTheApisDurationSyntax() {
    assertThat(CreateOptions.formatDuration(Duration.ofSeconds(5))).isEqualTo("5s");
    assertThat(CreateOptions.formatDuration(Duration.ofSeconds(3600 + 1800 + 45)))
        .isEqualTo("1h30m45s");
    assertThat(CreateOptions.formatDuration(Duration.ofHours(2))).isEqualTo("2h");
  }
}
