package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bearer token goes to the configured host only, including across redirects. */
class TokenScopeTest extends ServerTest {
  private MockWebServer elsewhere;

  @BeforeEach
  void startElsewhere() throws Exception {
    elsewhere = anotherServer();
  }

  @Test
  void requestsToTheApiHostCarryTheBearerToken() throws Exception {
    server.enqueue(PredictionJson.prediction("p1").created());
    server.enqueue(PredictionJson.prediction("p1").ok());
    server.enqueue(PredictionJson.prediction("p1").status("canceled").ok());

    try (ReplicateClient client = client()) {
      client.create(TestHttp.MODEL, TestHttp.input());
      client.get("p1");
      client.cancel("p1");
    }

    for (int i = 0; i < 3; i++) {
      RecordedRequest request = server.takeRequest();
      assertThat(request.getHeaders().values("Authorization"))
          .as(request.getRequestLine())
          .containsExactly("Bearer " + TestHttp.API_KEY);
    }
  }

  @Test
  void aRedirectToAnotherHostArrivesWithoutTheToken() throws Exception {
    server.enqueue(new MockResponse.Builder().code(302)
        .setHeader("Location", elsewhere.url("/v1/predictions/p1").toString()).build());
    elsewhere.enqueue(PredictionJson.prediction("p1").ok());

    try (ReplicateClient client = client()) {
      assertThat(client.get("p1").id()).isEqualTo("p1");
    }

    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + TestHttp.API_KEY);
    RecordedRequest redirected = elsewhere.takeRequest();
    assertThat(redirected.getTarget()).isEqualTo("/v1/predictions/p1");
    assertThat(redirected.getHeaders().names()).doesNotContain("Authorization");
    assertThat(redirected.getHeaders().toString()).doesNotContain(TestHttp.API_KEY);
  }

  @Test
  void aRedirectWithinTheApiHostKeepsTheToken() throws Exception {
    server.enqueue(new MockResponse.Builder().code(307)
        .setHeader("Location", server.url(TestHttp.PREDICTIONS + "/p2").toString()).build());
    server.enqueue(PredictionJson.prediction("p2").ok());

    try (ReplicateClient client = client()) {
      assertThat(client.get("p1").id()).isEqualTo("p2");
    }

    server.takeRequest();
    RecordedRequest redirected = server.takeRequest();
    assertThat(redirected.getTarget()).isEqualTo(TestHttp.PREDICTIONS + "/p2");
    assertThat(redirected.getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + TestHttp.API_KEY);
  }

  @Test
  void anAuthorizationHeaderAddedByASharedClientDoesNotReachAnotherHost() throws Exception {
    // A caller's shared OkHttpClient that stamps its own token on every request.
    OkHttpClient shared = new OkHttpClient.Builder()
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
            .header("Authorization", "Bearer someone-elses-token").build()))
        .build();
    server.enqueue(new MockResponse.Builder().code(302)
        .setHeader("Location", elsewhere.url("/v1/predictions/p1").toString()).build());
    elsewhere.enqueue(PredictionJson.prediction("p1").ok());

    try (ReplicateClient client = client(shared)) {
      client.get("p1");
    }

    // The API host gets the configured key, not the caller's header; the other host gets neither.
    assertThat(server.takeRequest().getHeaders().values("Authorization"))
        .containsExactly("Bearer " + TestHttp.API_KEY);
    assertThat(elsewhere.takeRequest().getHeaders().names()).doesNotContain("Authorization");
  }

  private ReplicateClient client() {
    return builder().build();
  }

  private ReplicateClient client(OkHttpClient shared) {
    return builder().okHttpClient(shared).build();
  }
}
