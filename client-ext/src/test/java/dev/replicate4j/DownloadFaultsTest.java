package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replicate4j.models.FileOutput;
import dev.replicate4j.models.ImageInput;
import dev.replicate4j.models.Models;
import dev.replicate4j.models.RembgInput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FileOutput#downloadTo} against a file host that misbehaves over a real socket: every
 * failure a {@link DownloadException}, nothing left at the target, the file no larger than what
 * was sent, no download outliving the call's timeout.
 */
class DownloadFaultsTest extends ServerTest {
  private final List<ReplicateClient> clients = new ArrayList<>();
  @TempDir
  Path dir;

  @AfterEach
  void closeClients() {
    clients.forEach(ReplicateClient::close);
  }

  @Test
  void aGzipBombIsSavedAsSentNotInflated() throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 32; i++) {
        gzip.write(zeros);
      }
    }
    MockResponse bomb = new MockResponse.Builder().setHeader("Content-Type", "image/png")
        .setHeader("Content-Encoding", "gzip").body(new Buffer().write(compressed.toByteArray()))
        .build();

    Path saved = outputOf(bomb, builder()).downloadTo(dir.resolve("out.png"));

    assertThat(Files.size(saved)).isEqualTo(compressed.size());
  }

  @Test
  void anEndlessTrickleEndsAtTheCallTimeout() throws Exception {
    MockResponse trickle = new MockResponse.Builder().body(new Buffer().write(new byte[100_000]))
        .throttleBody(1, 200, TimeUnit.MILLISECONDS).build();
    FileOutput file = outputOf(trickle, builder().callTimeout(Duration.ofSeconds(2)));
    long started = System.nanoTime();

    assertThatThrownBy(() -> file.downloadTo(dir.resolve("out.png")))
        .isInstanceOf(DownloadException.class);

    // Generous: the point is that it ends, not when.
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void aHostAskingForAnAbsurdRetryAfterIsADownloadException() throws Exception {
    MockResponse busy = new MockResponse.Builder().code(503)
        .setHeader("Retry-After", "99999999999").build();
    FileOutput file = outputOf(busy, builder());

    assertThatThrownBy(() -> file.downloadTo(dir.resolve("out.png")))
        .isInstanceOf(DownloadException.class).hasMessageContaining("HTTP 503");
  }

  /** Runs a prediction whose output is a file on {@link #server}, answered by {@code file}. */
  private FileOutput outputOf(MockResponse file, ReplicateClientBuilder builder) {
    String link = server.url("/out.png").toString();
    server.enqueue(PredictionJson.prediction("p1").succeeded().with("output", link).created());
    server.enqueue(file);
    ReplicateClient client = builder.build();
    clients.add(client);
    return client.run(Models.REMBG,
        RembgInput.builder().image(ImageInput.url("https://x.test/a.png")).build());
  }

}
