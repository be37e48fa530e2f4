package dev.replicate4j.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replicate4j.ReplicateException;
import dev.replicate4j.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageInputTest {
  private static final String HOST_IT = "host the file and pass its URL with ImageInput.url(...), "
      + "or raise the limit with ImageInput.withMaxBytes(...)";

  @TempDir
  Path dir;

  /** A PNG signature padded to {@code size} bytes. */
  static byte[] png(int size) {
    byte[] content = Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A,
        '\n'}, size);
    content[size - 1] = 42;
    return content;
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://example.com/cat.png", "http://127.0.0.1:8080/a.jpg",
      "HTTPS://EXAMPLE.COM/Cat.PNG", "https://example.com/a.png?sig=x&exp=1"})
  void httpAndHttpsUrlsAreSentAsGiven(String url) {
    ImageInput image = ImageInput.url(url);
    assertThat(image.wireValue()).isEqualTo(url);
    assertThat(image.isInline()).isFalse();
    assertThat(image.mimeType()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://example.com/cat.png", "file:///etc/passwd",
      "s3://bucket/cat.png", "data:image/png;base64,AAAA", "example.com/cat.png"})
  void otherSchemesAreRefusedPointingToTheRightFactory(String url) {
    assertThatThrownBy(() -> ImageInput.url(url)).isInstanceOf(ValidationException.class)
        .hasMessage("image input: url = " + url + ": must be an http or https URL; for a local "
            + "file use ImageInput.file(path), for inline content ImageInput.dataUri(...)");
  }

  @Test
  void malformedUrlsAreRefused() {
    assertThatThrownBy(() -> ImageInput.url("https://exa mple.com/a.png"))
        .hasMessageStartingWith(
            "image input: url = https://exa mple.com/a.png: is not a valid URL");
    assertThatThrownBy(() -> ImageInput.url("https:///a.png"))
        .hasMessage("image input: url = https:///a.png: has no host");
    assertThatThrownBy(() -> ImageInput.url(null))
        .hasMessage("image input: url is missing: required");
  }

  @ParameterizedTest
  @CsvSource({
      "89504E470D0A1A0A0000, image/png",
      "FFD8FFE000104A464946, image/jpeg",
      "47494638396100010001, image/gif",
      "47494638376100010001, image/gif",
      "524946460000000057454250565038, image/webp"})
  void aFileBecomesADataUriWithTheMimeTypeItsBytesShow(String hex, String mime) throws IOException {
    byte[] content = hexBytes(hex);
    Path file = Files.write(dir.resolve("image.bin"), content);

    ImageInput image = ImageInput.file(file);

    assertThat(image.wireValue())
        .isEqualTo("data:" + mime + ";base64," + Base64.getEncoder().encodeToString(content));
    assertThat(image.mimeType()).contains(mime);
    assertThat(image.isInline()).isTrue();
    assertThat(ImageInput.bytes(content)).isEqualTo(image);
    assertThat(ImageInput.stream(new ByteArrayInputStream(content), null)).isEqualTo(image);
  }

  @Test
  void aFileOfUnknownTypeNeedsItsMimeType() throws IOException {
    Path bmp = Files.write(dir.resolve("a.bmp"),
        "BM\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> ImageInput.file(bmp)).isInstanceOf(ValidationException.class)
        .hasMessage("image input: file = " + bmp + ": is not a PNG, JPEG, GIF or WEBP image by its "
            + "first bytes; pass its MIME type, for example "
            + "ImageInput.bytes(content, \"image/bmp\")");
    assertThat(ImageInput.file(bmp, "image/bmp").wireValue()).isEqualTo("data:image/bmp;base64,"
        + Base64.getEncoder().encodeToString(Files.readAllBytes(bmp)));
  }

  @Test
  void anExplicitTypeIsUsedAsGivenAndMustLookLikeOne() {
    assertThat(ImageInput.bytes(png(16), "image/x-custom").wireValue())
        .startsWith("data:image/x-custom;base64,");
    assertThatThrownBy(() -> ImageInput.bytes(png(16), "png"))
        .hasMessage("image input: mimeType = png: is not a MIME type like image/png");
  }

  @Test
  void aStreamWithItsTypeIsReadButNotClosed() {
    boolean[] closed = {false};
    InputStream in = new ByteArrayInputStream("GIF89a...".getBytes(StandardCharsets.US_ASCII)) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    ImageInput image = ImageInput.stream(in, "image/gif");
    assertThat(image.wireValue()).isEqualTo("data:image/gif;base64,R0lGODlhLi4u");
    assertThat(closed[0]).isFalse();
  }

  @Test
  void missingDirectoriesAndEmptyFilesAreRefused() throws IOException {
    Path missing = dir.resolve("nope.png");
    assertThatThrownBy(() -> ImageInput.file(missing))
        .hasMessage("image input: file = " + missing + ": does not exist");
    assertThatThrownBy(() -> ImageInput.file(dir))
        .hasMessage("image input: file = " + dir + ": is not a regular file");
    Path empty = Files.createFile(dir.resolve("empty.png"));
    assertThatThrownBy(() -> ImageInput.file(empty))
        .hasMessage("image input: file = " + empty + ": is empty");
  }

  @Test
  void contentAbove256KiBIsSentWithAWarningThatSaysToHostIt() {
    List<String> warnings = new ArrayList<>();
    ImageInput.Loader loader = new ImageInput.Loader(ImageInput.DEFAULT_MAX_BYTES, warnings::add);

    loader.bytes(png(256 * 1024), null);
    assertThat(warnings).isEmpty();

    ImageInput image = loader.bytes(png(256 * 1024 + 1), null);
    assertThat(image.wireValue()).startsWith("data:image/png;base64,");
    assertThat(warnings).containsExactly("Image input <262145 bytes> is 262145 bytes (256.0 KiB),"
        + " sent inline as a data URI; above 262144 bytes (256.0 KiB) the API recommends hosting"
        + " the file and passing its URL (ImageInput.url)");
  }

  @Test
  void contentAboveTheDefault10MiBLimitIsRefusedSayingToHostIt() throws IOException {
    Path big = Files.write(dir.resolve("big.png"), png(10 * 1024 * 1024 + 1));

    assertThatThrownBy(() -> ImageInput.file(big)).isInstanceOf(ValidationException.class)
        .hasMessage("image input: file = " + big + ": is 10485761 bytes (10.0 MiB), above the "
            + "limit of 10485760 bytes (10.0 MiB) for content sent inline; " + HOST_IT);

    Path atLimit = Files.write(dir.resolve("ok.png"), png(10 * 1024 * 1024));
    assertThat(ImageInput.file(atLimit).wireValue()).startsWith("data:image/png;base64,");
  }

  @Test
  void theLimitIsConfigurablePerCall() throws IOException {
    ImageInput.Loader small = ImageInput.withMaxBytes(1000);
    assertThat(small.bytes(png(1000), null).mimeType()).contains("image/png");
    assertThatThrownBy(() -> small.bytes(png(1001), null))
        .hasMessage("image input: bytes = <1001 bytes>: is 1001 bytes, above the limit of 1000 "
            + "bytes for content sent inline; " + HOST_IT);
    assertThatThrownBy(() -> small.stream(new ByteArrayInputStream(png(5000)), "image/png"))
        .hasMessage("image input: stream = <stream>: is larger than the limit of 1000 bytes for "
            + "content sent inline; " + HOST_IT);
    Path file = Files.write(dir.resolve("f.png"), png(2000));
    assertThat(ImageInput.withMaxBytes(20 * 1024 * 1024).file(file).wireValue())
        .startsWith("data:image/png;base64,");
    assertThatThrownBy(() -> small.file(file)).hasMessageContaining("is 2000 bytes (2.0 KiB)");
    assertThatThrownBy(() -> ImageInput.withMaxBytes(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxBytes must be between 1 and 1073741824 but was 0");
  }

  @Test
  void dataUrisAreKeptAsGivenAndCheckedForFormAndSize() {
    String uri = "data:image/png;base64," + Base64.getEncoder().encodeToString(png(64));
    ImageInput image = ImageInput.dataUri(uri);
    assertThat(image.wireValue()).isSameAs(uri);
    assertThat(image.mimeType()).contains("image/png");

    assertThatThrownBy(() -> ImageInput.dataUri("data:image/png;base64"))
        .hasMessage("image input: data URI = data:image/png;base64: is not a valid data URI: it "
            + "has no ',' between the media type and the data");
    assertThatThrownBy(() -> ImageInput.dataUri("data:image/png;base64,@@@"))
        .hasMessageStartingWith("image input: data URI = data:image/png;base64,@@@: is not a "
            + "valid data URI: it ");
    assertThatThrownBy(() -> ImageInput.dataUri("https://x/a.png"))
        .hasMessageEndingWith("is not a valid data URI: it does not start with data:");
    assertThatThrownBy(() -> ImageInput.withMaxBytes(10).dataUri(uri))
        .hasMessageContaining("is 64 bytes, above the limit of 10 bytes");
    assertThatThrownBy(() -> ImageInput.dataUri("data:image/png;base64,"))
        .hasMessage("image input: data URI = data:image/png;base64,: is empty");
  }

  @Test
  void toStringCutsLongDataUris() {
    ImageInput image = ImageInput.bytes(png(10_000));
    assertThat(image.toString()).startsWith("ImageInput{data:image/png;base64,iVBORw0KGgo")
        .endsWith(" chars)}").hasSizeLessThan(200);
  }

  @Test
  void anUnreadableStreamIsAReplicateExceptionWithTheCause() {
    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("disk gone");
      }
    };
    assertThatThrownBy(() -> ImageInput.stream(broken, "image/png"))
        .isInstanceOf(ReplicateException.class).hasMessageContaining("disk gone")
        .hasCauseInstanceOf(IOException.class);
  }

  private static byte[] hexBytes(String hex) {
    byte[] bytes = new byte[hex.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return bytes;
  }
}
