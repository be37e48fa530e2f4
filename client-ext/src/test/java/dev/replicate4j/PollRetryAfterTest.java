package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A server that answers every poll with an error asking for no wait at all ({@code Retry-After: 0}
 * or a date in the past) gets polls on the schedule, not back-to-back until the deadline.
 */
class PollRetryAfterTest extends ServerTest {
  @ParameterizedTest(name = "HTTP {0}, Retry-After: {1}")
  @CsvSource(delimiter = '|', value = {
      "429 | 0",
      "503 | 0",
      "429 | Thu, 01 Jan 1970 00:00:00 GMT"})
  void aRetryAfterOfZeroDoesNotMakeThePollsBackToBack(int code, String retryAfter) {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(code).setHeader("Retry-After", retryAfter).build();
      }
    });

    try (ReplicateClient client = builder().build()) {
      assertThatThrownBy(() -> client.resume("p1").await(Duration.ofSeconds(3)))
          .isInstanceOf(PredictionTimeoutException.class);
    }
    // On the schedule (250 ms doubling to 2 s) about 4 polls fit in 3 s; back-to-back, thousands.
    assertThat(server.getRequestCount()).isBetween(2, 20);
  }
}
