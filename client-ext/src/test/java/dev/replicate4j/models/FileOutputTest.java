package dev.replicate4j.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replicate4j.DownloadException;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output files are fetched only through the downloader they were given. */
class FileOutputTest {
  @TempDir
  Path dir;

  @Test
  void downloadToWritesTheFileTheDownloaderOpens() throws IOException {
    List<String> opened = new ArrayList<>();
    FileDownloader downloader = uri -> {
      opened.add(uri);
      return new ByteArrayInputStream("PNGDATA".getBytes(StandardCharsets.US_ASCII));
    };
    FileOutput file = FileOutput.of("https://replicate.delivery/x/out-0.png", downloader);

    Path written = file.downloadTo(dir.resolve("fox.png"));

    assertThat(written).isEqualTo(dir.resolve("fox.png"));
    assertThat(Files.readString(written)).isEqualTo("PNGDATA");
    assertThat(opened).containsExactly("https://replicate.delivery/x/out-0.png");
  }

  @Test
  void downloadToReplacesAnExistingFile() throws IOException {
    Path target = Files.writeString(dir.resolve("out.png"), "old");
    FileOutput.of("https://x/out.png", uri -> new ByteArrayInputStream(new byte[] {1, 2, 3}))
        .downloadTo(target);
    assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
  }

  @Test
  void aFailedDownloadLeavesNeitherTheTargetNorAPartialFile() throws IOException {
    FileDownloader failsHalfway = uri -> new FilterInputStream(
        new ByteArrayInputStream(new byte[1000])) {
      private int reads;

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (reads++ > 0) {
          throw new IOException("connection reset");
        }
        return super.read(b, off, Math.min(len, 10));
      }
    };

    assertThatThrownBy(() -> FileOutput.of("https://x/out.mp4", failsHalfway)
        .downloadTo(dir.resolve("out.mp4")))
        .isInstanceOf(DownloadException.class)
        .hasMessageContaining("https://x/out.mp4").hasMessageContaining("connection reset")
        .hasRootCauseInstanceOf(IOException.class);
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aTargetInAMissingDirectoryIsRefusedNamingItBeforeFetching() {
    List<String> opened = new ArrayList<>();
    Path target = dir.resolve("outputs/p1/out.png");

    assertThatThrownBy(() -> FileOutput.of("https://x/out.png", uri -> {
      opened.add(uri);
      return new ByteArrayInputStream(new byte[] {1});
    }).downloadTo(target))
        .isInstanceOf(DownloadException.class)
        .hasMessageContaining("the directory " + target.toAbsolutePath().getParent()
            + " does not exist")
        .hasMessageNotContaining(".part");
    assertThat(opened).isEmpty();
  }

  @Test
  void openStreamGivesTheDownloadersStream() throws IOException {
    FileOutput file = FileOutput.of("https://x/a.gif", uri -> new ByteArrayInputStream(
        uri.getBytes(StandardCharsets.UTF_8)));
    try (InputStream in = file.openStream()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("https://x/a.gif");
    }
  }

  @Test
  void aDataUriOutputIsDecodedLocallyWithoutTheDownloader() throws IOException {
    byte[] content = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
    FileOutput file = FileOutput.of("data:image/png;base64,"
        + Base64.getEncoder().encodeToString(content), uri -> {
          throw new AssertionError("no request for a data URI");
        });

    assertThat(Files.readAllBytes(file.downloadTo(dir.resolve("inline.png")))).isEqualTo(content);
    assertThat(FileOutput.of("data:,hello%20world", uri -> null).openStream().readAllBytes())
        .isEqualTo("hello world".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void aMalformedDataUriOrAMissingStreamIsADownloadError() {
    assertThatThrownBy(() -> FileOutput.of("data:image/png;base64", uri -> null).openStream())
        .isInstanceOf(DownloadException.class).hasMessageContaining("has no ','");
    assertThatThrownBy(() -> FileOutput.of("https://x/y.png", uri -> null).openStream())
        .isInstanceOf(DownloadException.class)
        .hasMessage("The downloader returned no stream for https://x/y.png");
  }

  @Test
  void aDownloaderFailureIsADownloadErrorNamingTheFile() {
    assertThatThrownBy(() -> FileOutput.of("https://x/gone.png", uri -> {
      throw new IOException("Downloading https://x/gone.png failed with HTTP 404");
    }).openStream())
        .isInstanceOf(DownloadException.class)
        .hasMessage("Could not fetch https://x/gone.png: Downloading https://x/gone.png failed with HTTP 404")
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void downloadsOverLoopbackHttpCarryOnlyWhatTheDownloaderSends() throws Exception {
    byte[] video = new byte[50_000];
    for (int i = 0; i < video.length; i++) {
      video[i] = (byte) i;
    }
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().body(new Buffer().write(video)).build());
      server.start();
      HttpClient http = HttpClient.newHttpClient();
      FileDownloader plainGet = uri -> {
        try {
          return http.send(HttpRequest.newBuilder(URI.create(uri)).build(),
              HttpResponse.BodyHandlers.ofInputStream()).body();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException(e);
        }
      };
      String uri = server.url("/files/out.mp4").toString();

      AnimationOutput out = Models.STABLE_DIFFUSION_ANIMATION.parseOutput(List.of(uri), plainGet);
      Path saved = out.video().downloadTo(dir.resolve("out.mp4"));

      assertThat(Files.readAllBytes(saved)).isEqualTo(video);
      RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(request.getUrl().encodedPath()).isEqualTo("/files/out.mp4");
      assertThat(request.getHeaders().get("Authorization")).isNull();
    }
  }
}
