package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The option types are values: equal when their settings are, and rebuilt unchanged. */
class OptionValuesTest {
  @Test
  void createOptionsWithTheSameSettingsAreEqual() {
    CreateOptions a = CreateOptions.builder().webhook("https://example.com/hook")
        .webhookEvents(Set.of(WebhookEventType.COMPLETED)).cancelAfter(Duration.ofSeconds(30))
        .preferWaitSeconds(5).build();
    CreateOptions b = CreateOptions.builder().webhook("https://example.com/hook")
        .webhookEvents(Set.of(WebhookEventType.COMPLETED)).cancelAfter(Duration.ofSeconds(30))
        .preferWaitSeconds(5).build();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.toBuilder().build()).isEqualTo(a);
    assertThat(a.toBuilder().preferWaitSeconds(6).build()).isNotEqualTo(a);
    assertThat(a.toBuilder().webhook(null).build()).isNotEqualTo(a);
    assertThat(CreateOptions.SYNC).isNotEqualTo(CreateOptions.NONE);
  }

  @Test
  void pollingPoliciesWithTheSameSettingsAreEqual() {
    PollingPolicy a = PollingPolicy.builder().deadline(Duration.ofSeconds(9)).jitter(0).build();
    PollingPolicy b = PollingPolicy.builder().jitter(0).deadline(Duration.ofSeconds(9)).build();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.toBuilder().build()).isEqualTo(a);
    assertThat(a.toBuilder().cancelOnDeadline(false).build()).isNotEqualTo(a);
    assertThat(PollingPolicy.DEFAULT.toBuilder().build()).isEqualTo(PollingPolicy.DEFAULT);
  }

  @Test
  void retryPoliciesWithTheSameSettingsAreEqual() {
    RetryPolicy a = RetryPolicy.builder().maxAttempts(3).build();

    assertThat(a).isEqualTo(RetryPolicy.builder().maxAttempts(3).build())
        .hasSameHashCodeAs(RetryPolicy.builder().maxAttempts(3).build());
    assertThat(a).isNotEqualTo(RetryPolicy.DEFAULT);
  }
}
