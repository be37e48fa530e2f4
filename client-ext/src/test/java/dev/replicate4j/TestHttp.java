package dev.replicate4j;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Shared pieces of the loopback HTTP tests: the key, clients aimed at a server, canned answers. */
final class TestHttp {
  /** A key shaped like a real one, so a leak would be visible in any string. */
  static final String API_KEY = "chk_live_5Jq8ZrW2xYvN4mT7pL0s";
  static final String PREDICTIONS = "/replicate/v1/predictions";
  static final String MODEL = "black-forest-labs/flux-schnell";

  private TestHttp() {}

  static MockWebServer start() throws IOException {
    MockWebServer server = new MockWebServer();
    server.start();
    return server;
  }

  /** A client builder aimed at {@code server}, with exact (unjittered) default retry delays. */
  static ReplicateClientBuilder clientFor(MockWebServer server, Sleeper sleeper) {
    return ReplicateClient.builder()
        .apiKey(API_KEY)
        .baseUrl(server.url("/").toString())
        .sleeper(sleeper)
        .retryPolicy(RetryPolicy.builder().jitter(0).build());
  }

  /** A realistic, ordered input with text, numbers and non-ASCII characters. */
  static Map<String, Object> input() {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("prompt", "a lighthouse at dusk, \u00e9t\u00e9 \u2014 \u706f\u5854");
    input.put("num_outputs", 2);
    input.put("aspect_ratio", "16:9");
    input.put("go_fast", true);
    input.put("output_quality", 80.5);
    input.put("tags", List.of("a", "b"));
    return input;
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
        .body(body).build();
  }

  /** An RFC 7807 problem-details error. */
  static MockResponse problem(int code, String title, String detail) {
    return new MockResponse.Builder().code(code)
        .setHeader("Content-Type", "application/problem+json")
        .body("{\"type\":\"https://replicate.com/docs/errors#" + code + "\",\"title\":\"" + title
            + "\",\"status\":" + code + ",\"detail\":\"" + detail + "\"}")
        .build();
  }

  /** A loopback port nothing listens on (it was free a moment ago). */
  static int unusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
