package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replicate4j.generated.model.WirePredictionRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A create knows when its request actually went out: the anchor that dates progress bars (see
 * {@link BarEndWindow}). A create that waited in the client's queue is dated when it left.
 */
class CreateSendTimeTest extends ServerTest {
  private static final WirePredictionRequest REQUEST = ReplicateClient.request(
      VersionRef.parse(TestHttp.MODEL), TestHttp.input(), CreateOptions.NONE);

  private final ManualTicker clock = new ManualTicker();
  private final CountDownLatch releaseFirst = new CountDownLatch(1);
  @BeforeEach
  void holdTheFirstCreate() {
    AtomicInteger creates = new AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        int n = creates.incrementAndGet();
        if (n == 1) {
          releaseFirst.await(10, TimeUnit.SECONDS);
        }
        return PredictionJson.prediction("p" + n).created();
      }
    });
  }

  @AfterEach
  void releaseTheFirstCreate() {
    releaseFirst.countDown();
  }

  @Test
  void aQueuedCreateIsDatedWhenItLeftNotWhenItWasMade() throws Exception {
    try (ClientParts client = ClientParts.wire(builder()
        .clock(clock).maxConcurrentRequests(1).config())) {
      Instant made = clock.instant();
      CompletableFuture<ApiCalls.Created> first = client.calls().createAsync(REQUEST, null, null, null);
      CompletableFuture<ApiCalls.Created> second = client.calls().createAsync(REQUEST, null, null, null);
      server.takeRequest(10, TimeUnit.SECONDS);
      // The second create waits for the only HTTP slot while the server holds the first.
      clock.advance(Duration.ofSeconds(5));
      releaseFirst.countDown();

      assertThat(first.get(10, TimeUnit.SECONDS).sentAt()).isEqualTo(made);
      assertThat(second.get(10, TimeUnit.SECONDS).sentAt()).isEqualTo(made.plusSeconds(5));
      assertThat(second.get().prediction().id()).isEqualTo("p2");
    }
  }

  @Test
  void aHandleFromASyncCreateCarriesTheSendTime() {
    releaseFirst.countDown();
    try (ReplicateClient client = builder().clock(clock)
        .build()) {
      Instant made = clock.instant();

      PredictionHandle<Object> handle = client.create(TestHttp.MODEL, TestHttp.input());

      assertThat(handle.createSentAt()).isEqualTo(made);
      assertThat(client.resume(handle.id()).createSentAt()).isNull();
    }
  }
}
