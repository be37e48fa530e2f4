package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InterruptedIOException;
import dev.replicate4j.models.GenericInput;
import dev.replicate4j.models.Models;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * The client's call timeout over loopback, against a server that trickles its answer (one byte
 * every 100 ms, so that no read ever waits long enough for the read timeout) or holds it back far
 * longer than the read timeout: only the call's own bound can end these. Each call ends as a
 * timeout naming the bound, sync or async, after one request (a timeout is not retried: the time
 * is spent).
 */
class CallTimeoutTest extends ServerTest {
  private static final Duration BOUND = Duration.ofMillis(400);
  private static final String TIMED_OUT = "timeout: no complete answer within 400 ms";

  @Test
  void aTrickledGetEndsAtTheCallTimeout() {
    server.enqueue(trickled(200));

    try (ReplicateClient client = builder().callTimeout(BOUND).build()) {
      ConnectionException e = catchThrowableOfType(() -> client.get("p1"),
          ConnectionException.class);

      assertThat(e).hasMessageContaining("get prediction p1 failed").hasMessageContaining(TIMED_OUT)
          .hasCauseInstanceOf(InterruptedIOException.class);
      assertThat(e.mayHaveCreated()).isFalse();
    }
    assertThat(server.getRequestCount()).isOne();
  }

  @Test
  void aTrickledAsyncGetEndsAtTheCallTimeout() {
    server.enqueue(trickled(200));

    try (ReplicateClient client = builder().callTimeout(BOUND).build()) {
      ExecutionException e = catchThrowableOfType(
          () -> client.getAsync("p1").get(30, TimeUnit.SECONDS), ExecutionException.class);

      assertThat(e.getCause()).isInstanceOf(ConnectionException.class)
          .hasMessageContaining(TIMED_OUT);
    }
    assertThat(server.getRequestCount()).isOne();
  }

  @Test
  void aCreateWhoseAnswerIsHeldEndsAtTheCallTimeoutSayingThePredictionMayExist() {
    server.enqueue(PredictionJson.prediction("p1").created().newBuilder()
        .headersDelay(30, TimeUnit.SECONDS).build());

    try (ReplicateClient client = builder().callTimeout(BOUND).build()) {
      ConnectionException e = catchThrowableOfType(
          () -> client.create(TestHttp.MODEL, TestHttp.input()), ConnectionException.class);

      assertThat(e).hasMessageContaining(TIMED_OUT).hasMessageContaining("may exist");
      assertThat(e.mayHaveCreated()).isTrue();
    }
    assertThat(server.getRequestCount()).isOne();
  }

  @Test
  void aRetriableErrorWhoseBodyOutlivesTheCallTimeoutIsNotSleptOn() {
    // Its Retry-After is looked for in its JSON body, which is still arriving at the deadline.
    server.enqueue(trickled(503));
    server.enqueue(PredictionJson.prediction("p1").ok());

    try (ReplicateClient client = builder().callTimeout(BOUND).build()) {
      ConnectionException e = catchThrowableOfType(() -> client.get("p1"),
          ConnectionException.class);

      assertThat(e).hasMessageContaining(TIMED_OUT);
    }
    assertThat(sleeper.millis()).as("no retry slept for past the deadline").isEmpty();
    assertThat(server.getRequestCount()).isOne();
  }

  @Test
  void anAsyncCallTimedOutInARetryNamesItsWholeBound() {
    // A 503 at once, retried after 500 ms; the retry is trickled past the call's 2 s.
    server.enqueue(TestHttp.json(503, "{}"));
    server.enqueue(trickled(200).newBuilder()
        .throttleBody(1, 1, TimeUnit.SECONDS).build());

    try (ReplicateClient client = builder().callTimeout(Duration.ofSeconds(2)).build()) {
      ExecutionException e = catchThrowableOfType(
          () -> client.getAsync("p1").get(30, TimeUnit.SECONDS), ExecutionException.class);

      assertThat(e.getCause()).isInstanceOf(ConnectionException.class)
          .hasMessageContaining("timeout: no complete answer within 2000 ms");
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aCreateWhoseDeadlinePassedBeforeItWasSentSaysItCreatedNothing() throws Exception {
    // One request at a time: the create waits in the dispatcher's queue behind a trickled get
    // (from another client, with a longer bound) and its deadline passes there.
    OkHttpClient shared = new OkHttpClient();
    shared.dispatcher().setMaxRequests(1);
    server.enqueue(trickled(200));

    try (ReplicateClient holder = builder().okHttpClient(shared).build();
        ReplicateClient client = builder().okHttpClient(shared).callTimeout(BOUND).build()) {
      CompletableFuture<Prediction> held = holder.getAsync("p1");
      CompletableFuture<PredictionHandle<Object>> create = client.createAsync(
          Models.generic("acme/thing"), GenericInput.of(Map.of("prompt", "a fox")));
      Thread.sleep(BOUND.multipliedBy(2).toMillis());
      held.cancel(true);
      ExecutionException e = catchThrowableOfType(() -> create.get(30, TimeUnit.SECONDS),
          ExecutionException.class);

      assertThat(e.getCause()).isInstanceOf(ConnectionException.class)
          .hasMessageContaining(TIMED_OUT).hasMessageNotContaining("may exist");
      assertThat(((ReplicateException) e.getCause()).mayHaveCreated()).isFalse();
    } finally {
      shared.dispatcher().executorService().shutdown();
    }
    assertThat(server.getRequestCount()).as("the create was never sent").isOne();
  }

  @Test
  void aCallAnsweredInTimeIsNotCancelledLater() throws Exception {
    server.enqueue(PredictionJson.prediction("p1").ok());
    server.enqueue(PredictionJson.prediction("p1").ok());

    try (ReplicateClient client = builder().callTimeout(BOUND).build()) {
      assertThat(client.get("p1").id()).isEqualTo("p1");
      // Past the first call's deadline: its check runs, and finds nothing to cancel.
      Thread.sleep(BOUND.multipliedBy(2).toMillis());
      assertThat(client.get("p1").id()).isEqualTo("p1");
    }
  }

  @Test
  void theLongestTimeoutsOkHttpTakesWorkAndLongerOnesAreRefusedByName() {
    server.enqueue(PredictionJson.prediction("p1").ok());
    Duration longest = Duration.ofMillis(Integer.MAX_VALUE);

    try (ReplicateClient client = builder().callTimeout(longest).readTimeout(longest)
        .connectTimeout(longest).build()) {
      assertThat(client.get("p1").id()).isEqualTo("p1");
    }
    assertThatThrownBy(() -> builder().callTimeout(Duration.ofDays(25)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("callTimeout must be at most 2147483647 ms (about 24.8 days, OkHttp's longest),"
            + " was PT600H");
    assertThatThrownBy(() -> builder().readTimeout(longest.plusMillis(1)))
        .hasMessageStartingWith("readTimeout must be at most 2147483647 ms");
  }

  @Test
  void timeoutsUnderAMillisecondAreRefusedNotTakenAsNone() {
    // OkHttp truncates a Duration to whole milliseconds, and 0 ms is no timeout at all.
    Duration half = Duration.ofNanos(500_000);

    assertThatThrownBy(() -> builder().readTimeout(half))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("readTimeout must be at least 1 ms (OkHttp counts whole milliseconds, and 0"
            + " means no timeout), was PT0.0005S");
    assertThatThrownBy(() -> builder().connectTimeout(half))
        .hasMessageStartingWith("connectTimeout must be at least 1 ms");
    assertThatThrownBy(() -> builder().callTimeout(half))
        .hasMessageStartingWith("callTimeout must be at least 1 ms");
  }

  /** A prediction answered with {@code code}, sent one byte every 100 ms (padded to take seconds). */
  private static MockResponse trickled(int code) {
    String padded = PredictionJson.prediction("p1").json() + " ".repeat(100);
    return TestHttp.json(code, padded).newBuilder().throttleBody(1, 100, TimeUnit.MILLISECONDS)
        .build();
  }
}
