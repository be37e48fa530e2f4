package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.replicate4j.models.FileOutput;
import dev.replicate4j.models.ImageInput;
import dev.replicate4j.models.Models;
import dev.replicate4j.models.RembgInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code maxResponseBytes} over loopback: an API answer beyond it fails the call naming the limit,
 * whether its length is declared or counted as it arrives (chunked), after one request; an answer
 * within it, chunked too, reads as usual; output downloads are not limited by it.
 */
class ResponseSizeLimitTest extends ServerTest {
  private static final long LIMIT = 4096;
  private static final String REFUSED = "beyond the client's limit of 4096 bytes for an API answer";

  @TempDir
  Path dir;

  @Test
  void anAnswerDeclaredLargerThanTheLimitFailsTheCall() {
    server.enqueue(TestHttp.json(200, padded(LIMIT + 1)));

    try (ReplicateClient client = builder().maxResponseBytes(LIMIT).build()) {
      ConnectionException e = catchThrowableOfType(() -> client.get("p1"),
          ConnectionException.class);

      assertThat(e).hasMessageContaining("HTTP 200 with a body of 4097 bytes")
          .hasMessageContaining(REFUSED);
    }
    assertThat(server.getRequestCount()).as("not retried").isOne();
  }

  @Test
  void aChunkedAnswerGrowingPastTheLimitFailsTheCall() {
    server.enqueue(chunked(padded(3 * LIMIT)));

    try (ReplicateClient client = builder().maxResponseBytes(LIMIT).build()) {
      ConnectionException e = catchThrowableOfType(() -> client.get("p1"),
          ConnectionException.class);

      assertThat(e).hasMessageContaining("more than 4096 bytes and still sending")
          .hasMessageContaining(REFUSED);
    }
    assertThat(server.getRequestCount()).as("not retried").isOne();
  }

  @Test
  void anAsyncCallFailsTheSameWay() {
    server.enqueue(chunked(padded(3 * LIMIT)));

    try (ReplicateClient client = builder().maxResponseBytes(LIMIT).build()) {
      ExecutionException e = catchThrowableOfType(
          () -> client.getAsync("p1").get(30, TimeUnit.SECONDS), ExecutionException.class);

      assertThat(e.getCause()).isInstanceOf(ConnectionException.class)
          .hasMessageContaining(REFUSED);
    }
    assertThat(server.getRequestCount()).as("not retried").isOne();
  }

  @Test
  void aChunkedAnswerWithinTheLimitReadsAsUsual() {
    server.enqueue(chunked(padded(LIMIT - 100)));

    try (ReplicateClient client = builder().maxResponseBytes(LIMIT).build()) {
      assertThat(client.get("p1").id()).isEqualTo("p1");
    }
  }

  @Test
  void anAnswerOfExactlyTheLimitReadsAsUsualDeclaredOrChunked() {
    server.enqueue(TestHttp.json(200, padded(LIMIT)));
    server.enqueue(chunked(padded(LIMIT)));

    try (ReplicateClient client = builder().maxResponseBytes(LIMIT).build()) {
      assertThat(client.get("p1").id()).isEqualTo("p1");
      assertThat(client.get("p1").id()).isEqualTo("p1");
    }
  }

  @Test
  void anHttp2AnswerWithoutALengthIsCountedAsItArrives() throws Exception {
    server.setProtocols(java.util.List.of(okhttp3.Protocol.H2_PRIOR_KNOWLEDGE));
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
        .body(padded(3 * LIMIT)).removeHeader("Content-Length").build());
    okhttp3.OkHttpClient h2 = new okhttp3.OkHttpClient.Builder()
        .protocols(java.util.List.of(okhttp3.Protocol.H2_PRIOR_KNOWLEDGE)).build();

    try (ReplicateClient client = builder().okHttpClient(h2).maxResponseBytes(LIMIT).build()) {
      ConnectionException e = catchThrowableOfType(() -> client.get("p1"),
          ConnectionException.class);

      assertThat(e).isNotNull().hasMessageContaining("more than 4096 bytes and still sending")
          .hasMessageContaining(REFUSED);
    } finally {
      h2.dispatcher().executorService().shutdown();
      h2.connectionPool().evictAll();
    }
    assertThat(server.getRequestCount()).as("not retried").isOne();
    assertThat(server.takeRequest().getVersion()).isEqualTo("HTTP/2");
  }

  @Test
  void aGzippedAnswerIsJudgedByItsInflatedSize() throws Exception {
    // 100 times the limit of JSON, a few hundred bytes on the wire: OkHttp inflates it itself.
    Buffer gzipped = new Buffer();
    try (okio.BufferedSink sink = okio.Okio.buffer(new okio.GzipSink(gzipped))) {
      sink.writeUtf8(padded(100 * LIMIT));
    }
    assertThat(gzipped.size()).isLessThan(LIMIT);
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
        .setHeader("Content-Encoding", "gzip").body(gzipped).build());

    try (ReplicateClient client = builder().maxResponseBytes(LIMIT).build()) {
      ConnectionException e = catchThrowableOfType(() -> client.get("p1"),
          ConnectionException.class);

      assertThat(e).as("inflated beyond the limit").isNotNull()
          .hasMessageContaining(REFUSED);
    }
    assertThat(server.getRequestCount()).as("not retried").isOne();
  }

  @Test
  void aRetriableErrorWhoseBodyIsRefusedFailsNamingTheLimitWithoutARetry() {
    // A 503 is retried after its Retry-After is looked for in its JSON body: that peek meets the
    // limit first (it reads up to 64 KiB).
    server.enqueue(new MockResponse.Builder().code(503)
        .setHeader("Content-Type", "application/json").chunkedBody(padded(3 * LIMIT), 512)
        .build());
    server.enqueue(PredictionJson.prediction("p1").ok());

    try (ReplicateClient client = builder().maxResponseBytes(LIMIT).build()) {
      ConnectionException e = catchThrowableOfType(() -> client.get("p1"),
          ConnectionException.class);

      assertThat(e).isNotNull().hasMessageContaining(REFUSED);
    }
    assertThat(sleeper.millis()).as("no retry waited for").isEmpty();
    assertThat(server.getRequestCount()).as("not retried").isOne();
  }

  @Test
  void downloadsAreNotLimitedByIt() throws Exception {
    String link = server.url("/out.png").toString();
    server.enqueue(PredictionJson.prediction("p1").succeeded().with("output", link).created());
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "image/png")
        .body(new Buffer().write(new byte[(int) (3 * LIMIT)])).build());

    try (ReplicateClient client = builder().maxResponseBytes(LIMIT).build()) {
      FileOutput file = client.run(Models.REMBG,
          RembgInput.builder().image(ImageInput.url("https://x.test/a.png")).build());
      Path saved = file.downloadTo(dir.resolve("out.png"));

      assertThat(Files.size(saved)).isEqualTo(3 * LIMIT);
    }
  }

  @Test
  void aLimitBelowAKilobyteIsRefused() {
    assertThatThrownBy(() -> builder().maxResponseBytes(1023))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxResponseBytes must be at least 1024, was 1023");
  }

  /** A prediction whose logs make its JSON {@code size} bytes long. */
  private static String padded(long size) {
    String bare = PredictionJson.prediction("p1").with("logs", "").json();
    return PredictionJson.prediction("p1").with("logs", "x".repeat((int) (size - bare.length())))
        .json();
  }

  private static MockResponse chunked(String json) {
    return new MockResponse.Builder().setHeader("Content-Type", "application/json")
        .chunkedBody(json, 512).build();
  }
}
