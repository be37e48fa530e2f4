package dev.replicate4j.stub;

import static dev.replicate4j.stub.StubHttp.ANIMATE_DIFF;
import static dev.replicate4j.stub.StubHttp.ANIMATION;
import static dev.replicate4j.stub.StubHttp.FLUX_DEV;
import static dev.replicate4j.stub.StubHttp.FLUX_SCHNELL;
import static dev.replicate4j.stub.StubHttp.IMAGE;
import static dev.replicate4j.stub.StubHttp.IMG2IMG;
import static dev.replicate4j.stub.StubHttp.INPAINTING;
import static dev.replicate4j.stub.StubHttp.OBJECT_REMOVAL;
import static dev.replicate4j.stub.StubHttp.REMBG;
import static dev.replicate4j.stub.StubHttp.SD;
import static dev.replicate4j.stub.StubHttp.SDXL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PredictionLifecycleTest extends StubHttpTest {
  private static final Pattern TQDM = Pattern.compile(
      " *\\d{1,3}%\\|[ \u258f\u258e\u258d\u258c\u258b\u258a\u2589\u2588]{10}\\| \\d+/\\d+ "
          + "\\[\\d\\d:\\d\\d<(\\d\\d:\\d\\d|\\?), *(\\d+\\.\\d\\d|\\?)it/s]");

  @Test
  void movesFromStartingThroughProcessingToSucceededWritingProgressLogs() {
    try (StubRelay slow = StubRelay.builder()
            .schedule(Schedule.of(Duration.ofMillis(300), Duration.ofMillis(1500))).build().start();
        StubHttp client = new StubHttp(slow)) {
      StubHttp.Reply created = client.create(SD, Map.of("prompt", "a lighthouse", "num_inference_steps", 50));

      Map<String, Object> first = created.json();
      assertThat(first.get("status")).isEqualTo("starting");
      assertThat(first.get("output")).isNull();
      assertThat(first.get("started_at")).isNull();
      List<Map<String, Object>> seen = client.pollUntilTerminal((String) first.get("id"));
      List<Object> statuses = seen.stream().map(p -> p.get("status")).distinct().collect(Collectors.toList());
      assertThat(statuses).containsSubsequence("processing", "succeeded");
      assertThat(statuses).allMatch(s -> List.of("starting", "processing", "succeeded").contains(s));

      Map<String, Object> done = seen.get(seen.size() - 1);
      String logs = (String) done.get("logs");
      assertThat(logs).startsWith("Using seed: ");
      List<String> progress = Arrays.stream(logs.split("\n")).skip(1).collect(Collectors.toList());
      assertThat(progress).hasSizeGreaterThanOrEqualTo(3).allMatch(line -> TQDM.matcher(line).matches());
      assertThat(progress.get(0)).startsWith("  0%|          | 0/50 [00:00<?, ?it/s]");
      assertThat(progress.get(progress.size() - 1)).startsWith("100%|\u2588\u2588\u2588\u2588\u2588"
          + "\u2588\u2588\u2588\u2588\u2588| 50/50 [");
      // The logs only grow: every state seen while processing is a prefix of the final logs.
      seen.stream().map(p -> (String) p.get("logs")).forEach(l -> assertThat(logs).startsWith(l));
      assertThat(done.get("started_at")).isNotNull();
      assertThat(done.get("completed_at")).isNotNull();
      @SuppressWarnings("unchecked")
      Map<String, Object> metrics = (Map<String, Object>) done.get("metrics");
      assertThat(metrics).containsKeys("predict_time", "total_time");
      assertThat((Double) metrics.get("total_time")).isGreaterThanOrEqualTo((Double) metrics.get("predict_time"));
    }
  }

  @Test
  void aPollAfterAChangeShowsItThoughTheAnswerBeforeItWasKept() {
    String id = http.createId(SD, Map.of("prompt", "a lighthouse"));
    stub.setStatus(id, "processing");
    StubHttp.Reply first = http.get(id);
    assertThat(first.json().get("status")).isEqualTo("processing");
    assertThat(http.get(id).body).as("unchanged, the same answer").isEqualTo(first.body);

    stub.setStatus(id, "succeeded");
    Map<String, Object> done = http.get(id).json();
    assertThat(done.get("status")).isEqualTo("succeeded");
    assertThat(done.get("completed_at")).isNotNull();
    assertThat((String) done.get("logs")).contains("| 50/50 [");
    assertThat(http.cancel(id).json().get("status")).isEqualTo("succeeded");
  }

  @Test
  void predictionHasEveryReplicateFieldAndUrlsPointUpstream() {
    Map<String, Object> p = http.create(SD, Map.of("prompt", "x", "num_outputs", 2)).json();

    assertThat(p).containsKeys("id", "model", "version", "input", "logs", "output", "data_removed",
        "error", "status", "source", "created_at", "started_at", "completed_at", "metrics", "urls");
    assertThat(p.get("model")).isEqualTo("stability-ai/stable-diffusion");
    assertThat(p.get("version")).isEqualTo(SD);
    assertThat(p.get("source")).isEqualTo("api");
    assertThat(p.get("data_removed")).isEqualTo(false);
    assertThat(p.get("input")).isEqualTo(Map.of("prompt", "x", "num_outputs", 2.0));
    assertThat(http.create(SD, Map.of("num_outputs", 2)).body).contains("\"num_outputs\":2}");
    assertThat((String) p.get("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
    String id = (String) p.get("id");
    assertThat(p.get("urls")).isEqualTo(Map.of(
        "get", "https://api.replicate.com/v1/predictions/" + id,
        "cancel", "https://api.replicate.com/v1/predictions/" + id + "/cancel",
        "web", "https://replicate.com/p/" + id,
        "stream", "https://stream.replicate.com/v1/files/" + id));
  }

  static Stream<Arguments> models() {
    return Stream.of(
        Arguments.of(SD, Map.of("prompt", "x"), List.of("png"), false),
        Arguments.of(SD, Map.of("prompt", "x", "num_outputs", 3), List.of("png", "png", "png"), false),
        Arguments.of(SDXL, Map.of("prompt", "x", "num_outputs", 2), List.of("png", "png"), false),
        Arguments.of(INPAINTING, Map.of("image", IMAGE, "mask", IMAGE), List.of("png"), false),
        Arguments.of(IMG2IMG, Map.of("image", IMAGE), List.of("png"), false),
        Arguments.of(FLUX_SCHNELL, Map.of("prompt", "x"), List.of("webp"), false),
        Arguments.of(FLUX_SCHNELL, Map.of("prompt", "x", "num_outputs", 2, "output_format", "jpg"),
            List.of("jpg", "jpg"), false),
        Arguments.of(FLUX_DEV, Map.of("prompt", "x", "output_format", "png"), List.of("png"), false),
        Arguments.of(FLUX_DEV, Map.of("prompt", "x"), List.of("webp"), false),
        Arguments.of(ANIMATION, Map.of("prompt_start", "a", "prompt_end", "b"), List.of("gif"), false),
        Arguments.of(ANIMATION, Map.of("prompt_start", "a", "prompt_end", "b", "output_format", "mp4"),
            List.of("mp4"), false),
        Arguments.of(ANIMATION, Map.of("prompt_start", "a", "prompt_end", "b", "intermediate_output",
            true, "num_animation_frames", 3), List.of("png", "png", "png", "gif"), false),
        Arguments.of(ANIMATE_DIFF, Map.of(), List.of("mp4"), true),
        Arguments.of(OBJECT_REMOVAL, Map.of("image_path", IMAGE, "objects_to_remove", "person,car"),
            List.of("png"), true),
        Arguments.of(REMBG, Map.of("image", IMAGE), List.of("png"), true));
  }

  @ParameterizedTest
  @MethodSource("models")
  void succeedsWithOutputOfTheModelsShapePointingAtValidFiles(
      String version, Map<String, Object> input, List<String> extensions, boolean single) throws IOException {
    String id = http.createId(version, input);
    Map<String, Object> done = http.awaitTerminal(id);

    assertThat(done.get("status")).isEqualTo("succeeded");
    List<String> uris;
    if (single) {
      assertThat(done.get("output")).isInstanceOf(String.class);
      uris = List.of((String) done.get("output"));
    } else {
      assertThat(done.get("output")).isInstanceOf(List.class);
      @SuppressWarnings("unchecked")
      List<String> list = (List<String>) done.get("output");
      uris = list;
    }
    assertThat(uris).hasSameSizeAs(extensions);
    for (int i = 0; i < uris.size(); i++) {
      String uri = uris.get(i);
      assertThat(uri).startsWith(stub.fileBaseUrl() + "/files/" + id + "/").endsWith("." + extensions.get(i));
      StubHttp.Download file = http.download(uri);
      assertThat(file.code).isEqualTo(200);
      assertValidFile(extensions.get(i), file);
    }
    assertThat(stub.journal().files()).hasSize(uris.size()).noneMatch(RecordedCall::hasAuthorization);
  }

  @Test
  void backgroundRemovalGivesAPngWithTransparency() throws IOException {
    String id = http.createId(REMBG, Map.of("image", IMAGE));
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(
        http.download((String) http.awaitTerminal(id).get("output")).bytes));

    assertThat(image.getColorModel().hasAlpha()).isTrue();
    assertThat(image.getRGB(0, 0) >>> 24).isZero();
    assertThat(image.getRGB(8, 8) >>> 24).isEqualTo(255);
  }

  @Test
  void intermediateFramesAppearWhileStillProcessing() {
    try (StubRelay slow = StubRelay.builder()
            .schedule(ANIMATION_MODEL, Schedule.of(Duration.ZERO, Duration.ofMillis(1500))).build().start();
        StubHttp client = new StubHttp(slow)) {
      String id = client.createId(ANIMATION, Map.of("prompt_start", "a", "prompt_end", "b",
          "intermediate_output", true, "num_animation_frames", 5));

      List<Map<String, Object>> seen = client.pollUntilTerminal(id);
      assertThat(seen).anySatisfy(p -> {
        assertThat(p.get("status")).isEqualTo("processing");
        assertThat(p.get("output")).asInstanceOf(LIST).isNotEmpty()
            .allMatch(u -> ((String) u).endsWith(".png"));
      });
      assertThat(seen.get(seen.size() - 1).get("output")).asInstanceOf(LIST).hasSize(6);
    }
  }

  private static final String ANIMATION_MODEL = "andreasjansson/stable-diffusion-animation";

  static void assertValidFile(String extension, StubHttp.Download file) throws IOException {
    switch (extension) {
      case "png":
        assertThat(file.contentType).isEqualTo("image/png");
        assertThat(Arrays.copyOf(file.bytes, 8)).containsExactly(0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a);
        assertThat(ImageIO.read(new ByteArrayInputStream(file.bytes))).isNotNull();
        break;
      case "gif":
        assertThat(file.contentType).isEqualTo("image/gif");
        assertThat(new String(file.bytes, 0, 6, StandardCharsets.US_ASCII)).startsWith("GIF8");
        assertThat(ImageIO.read(new ByteArrayInputStream(file.bytes))).isNotNull();
        break;
      case "jpg":
        assertThat(file.contentType).isEqualTo("image/jpeg");
        assertThat(Arrays.copyOf(file.bytes, 3)).containsExactly(0xff, 0xd8, 0xff);
        assertThat(ImageIO.read(new ByteArrayInputStream(file.bytes))).isNotNull();
        break;
      case "webp":
        assertThat(file.contentType).isEqualTo("image/webp");
        assertThat(new String(file.bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(file.bytes, 8, 8, StandardCharsets.US_ASCII)).isEqualTo("WEBPVP8L");
        int riffSize = (file.bytes[4] & 0xff) | (file.bytes[5] & 0xff) << 8
            | (file.bytes[6] & 0xff) << 16 | (file.bytes[7] & 0xff) << 24;
        assertThat(riffSize).isEqualTo(file.bytes.length - 8);
        assertThat(file.bytes[20]).isEqualTo((byte) 0x2f); // VP8L signature byte
        break;
      case "mp4":
        assertThat(file.contentType).isEqualTo("video/mp4");
        assertThat(new String(file.bytes, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        assertThat(new String(file.bytes, StandardCharsets.ISO_8859_1)).contains("moov", "mdat");
        break;
      default:
        throw new AssertionError("No check for " + extension);
    }
  }
}
