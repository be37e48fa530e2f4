package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.replicate4j.models.Models;
import dev.replicate4j.models.SdxlInput;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/**
 * Every call on a closed client fails at once with a {@link ReplicateException} that says so, and
 * sends nothing: a synchronous create used to go out on the closed client's connections (a billed
 * prediction nobody then waits for), an asynchronous one failed as a network error that "may have
 * created" it, and a wait on the stopped scheduler threw a bare RejectedExecutionException.
 */
class ClosedClientTest extends ServerTest {
  private static final SdxlInput INPUT = SdxlInput.builder().prompt("a fox").build();
  private static final CreateOptions POLL = CreateOptions.builder().preferWaitSeconds(null).build();

  @Test
  void everyCallOnAClosedClientFailsAtOnceAndSendsNothing() throws Exception {
    server.enqueue(PredictionJson.prediction("p1").status("processing").ok());
    ReplicateClient client = builder().build();
    PredictionHandle<?> handle = client.create(Models.SDXL, INPUT, POLL);
    server.takeRequest();
    client.close();

    List<Runnable> sync = List.of(
        () -> client.run(Models.SDXL, INPUT),
        () -> client.run(Models.SDXL, INPUT, POLL, client.pollingPolicy()),
        () -> client.run(Models.SDXL.ref().wireValue(), Map.of("prompt", "a fox")),
        () -> client.create(Models.SDXL, INPUT),
        () -> client.get("p1"),
        () -> client.cancel("p1"),
        () -> client.resume("p1").refresh(),
        handle::refresh,
        handle::cancel,
        () -> handle.await(Duration.ofSeconds(5)),
        handle::output);
    for (Runnable call : sync) {
      assertClosed(catchThrowable(call::run));
    }
    List<Supplier<CompletableFuture<?>>> async = List.of(
        () -> client.runAsync(Models.SDXL, INPUT),
        () -> client.createAsync(Models.SDXL, INPUT),
        () -> client.getAsync("p1"),
        () -> client.cancelAsync("p1"),
        () -> client.resumeAsync("p1"),
        handle::awaitAsync,
        handle::outputAsync,
        handle::cancelAsync);
    for (Supplier<CompletableFuture<?>> call : async) {
      Throwable failure = catchThrowable(() -> call.get().orTimeout(10, TimeUnit.SECONDS).join());
      assertThat(failure).isInstanceOf(CompletionException.class);
      assertClosed(failure.getCause());
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void closingDuringACreateSaysSoAndThatThePredictionMayExist() throws Exception {
    server.enqueue(new MockResponse.Builder(PredictionJson.prediction("p1").ok())
        .headersDelay(10, TimeUnit.SECONDS).build());
    ReplicateClient client = builder().build();
    CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(
        () -> catchThrowable(() -> client.run(Models.SDXL, INPUT)));
    server.takeRequest(10, TimeUnit.SECONDS); // the sync-mode create is in flight

    client.close();

    assertThat(failure.get(10, TimeUnit.SECONDS)).isExactlyInstanceOf(ReplicateException.class)
        .hasMessageContaining("The client was closed while the create was in flight")
        .hasMessageContaining("the prediction may exist");
    assertThat(((ReplicateException) failure.get()).mayHaveCreated()).isTrue();
  }

  private static void assertClosed(Throwable failure) {
    assertThat(failure).isExactlyInstanceOf(ReplicateException.class)
        .hasMessageContaining("ReplicateClient is closed, so nothing was sent");
    assertThat(((ReplicateException) failure).mayHaveCreated()).isFalse();
  }
}
