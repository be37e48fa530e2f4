package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every request is built from the configured base URL and the prediction id. The
 * {@code urls.get} and {@code urls.cancel} of a response point elsewhere (at the upstream) and
 * are never followed.
 */
class UpstreamUrlsTest extends ServerTest {
  private MockWebServer upstream;
  private final List<String> apiRequests = new ArrayList<>();

  @BeforeEach
  void route() throws Exception {
    upstream = anotherServer();
    // The upstream would answer anything with a finished prediction; it must never be asked.
    upstream.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return prediction("p1").succeeded().ok();
      }
    });
    AtomicInteger polls = new AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        synchronized (apiRequests) {
          apiRequests.add(request.getMethod() + " " + request.getTarget());
        }
        String target = request.getTarget();
        if (request.getMethod().equals("POST") && target.equals(TestHttp.PREDICTIONS)) {
          return prediction("p1").created();
        }
        if (request.getMethod().equals("GET") && target.equals(TestHttp.PREDICTIONS + "/p1")) {
          return polls.incrementAndGet() < 3 ? prediction("p1").status("processing").ok()
              : prediction("p1").succeeded().ok();
        }
        if (request.getMethod().equals("POST")
            && target.equals(TestHttp.PREDICTIONS + "/p1/cancel")) {
          return prediction("p1").status("canceled").ok();
        }
        return TestHttp.problem(404, "Not Found", "no route " + target);
      }
    });
  }

  @Test
  void awaitRefreshAndCancelGoToTheConfiguredBaseUrl() {
    try (ReplicateClient client = builder()
        .ticker(new ImmediateTicker()).build()) {
      PredictionHandle<Object> handle = client.create(TestHttp.MODEL, TestHttp.input());
      assertThat(handle.latest().orElseThrow().raw().getUrls().getGet()).startsWith(upstream.url("/").toString());

      assertThat(handle.await().status()).isEqualTo(PredictionStatus.SUCCEEDED);
      assertThat(handle.refresh().status()).isEqualTo(PredictionStatus.SUCCEEDED);
      assertThat(handle.cancel().status()).isEqualTo(PredictionStatus.CANCELED);
    }

    assertThat(upstream.getRequestCount()).isZero();
    assertThat(apiRequests).containsExactly(
        "POST " + TestHttp.PREDICTIONS,
        "GET " + TestHttp.PREDICTIONS + "/p1",
        "GET " + TestHttp.PREDICTIONS + "/p1",
        "GET " + TestHttp.PREDICTIONS + "/p1",
        "GET " + TestHttp.PREDICTIONS + "/p1",
        "POST " + TestHttp.PREDICTIONS + "/p1/cancel");
  }

  @Test
  void aResumedHandleAlsoUsesTheBaseUrl() {
    try (ReplicateClient client = builder().build()) {
      PredictionHandle<Object> handle = client.resume("p1");
      handle.refresh();
      handle.cancel();
    }

    assertThat(upstream.getRequestCount()).isZero();
    assertThat(apiRequests).containsExactly("GET " + TestHttp.PREDICTIONS + "/p1",
        "POST " + TestHttp.PREDICTIONS + "/p1/cancel");
  }

  /** A prediction whose urls point at the upstream server of this test. */
  private PredictionJson prediction(String id) {
    String base = upstream.url("/v1/predictions/" + id).toString();
    return PredictionJson.prediction(id).urls(base, base + "/cancel");
  }
}
