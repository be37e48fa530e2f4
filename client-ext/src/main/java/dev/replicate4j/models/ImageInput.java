package dev.replicate4j.models;

import dev.replicate4j.ReplicateException;
import dev.replicate4j.ValidationException;
import dev.replicate4j.ValidationException.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An image (or mask) a model reads: an http(s) URL, or content sent inline as a {@code data:} URI.
 *
 * <p>Local content (a file, bytes, a stream) becomes a base64 data URI with its MIME type; when no
 * type is given it is told from the first bytes (PNG, JPEG, GIF, WEBP). The API recommends inline
 * content only up to about 256 KiB: above {@link #WARN_BYTES} a warning is logged, and above the
 * limit ({@link #DEFAULT_MAX_BYTES} unless set with {@link #withMaxBytes(long)}) the content is
 * refused with a {@link ValidationException} telling you to host the file and pass its URL.
 *
 * <pre>{@code
 * ImageInput.url("https://example.com/cat.png");
 * ImageInput.file(Path.of("cat.png"));
 * ImageInput.withMaxBytes(20 * 1024 * 1024).file(Path.of("big.jpg"));
 * }</pre>
 */
public final class ImageInput {
  /** The default limit for inline content: 10 MiB. */
  public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
  /** Inline content above this size (256 KiB) is logged as a warning. */
  public static final long WARN_BYTES = 256L * 1024;

  private static final long MAX_LIMIT = 1L << 30;
  private static final String SUBJECT = "image input";
  private static final Logger LOG = LoggerFactory.getLogger(ImageInput.class);
  private static final Loader DEFAULT = new Loader(DEFAULT_MAX_BYTES, LOG::warn);

  private final String wireValue;

  private ImageInput(String wireValue) {
    this.wireValue = wireValue;
  }

  /**
   * An image the model downloads itself.
   *
   * @param url an absolute http or https URL
   * @return the input
   * @throws ValidationException if the text is not an http(s) URL
   */
  public static ImageInput url(String url) {
    if (url == null) {
      throw invalid("url", null, "required");
    }
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw invalid("url", url, "is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw invalid("url", url, "must be an http or https URL; for a local file use "
          + "ImageInput.file(path), for inline content ImageInput.dataUri(...)");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw invalid("url", url, "has no host");
    }
    return new ImageInput(url.trim());
  }

  /**
   * Inline content given as a data URI, within the default size limit.
   *
   * @param dataUri {@code data:[<media type>][;base64],<data>}
   * @return the input
   * @throws ValidationException if the URI is malformed or its content is above the limit
   */
  public static ImageInput dataUri(String dataUri) {
    return DEFAULT.dataUri(dataUri);
  }

  /**
   * A local image file, its type told from its first bytes, within the default size limit.
   *
   * @param path the file
   * @return the input, a data URI
   * @throws ValidationException if the file is missing, of unknown type, empty or above the limit
   */
  public static ImageInput file(Path path) {
    return DEFAULT.file(path, null);
  }

  /**
   * A local file of a given type, within the default size limit.
   *
   * @param path the file
   * @param mimeType its MIME type, for example {@code image/bmp}
   * @return the input, a data URI
   * @throws ValidationException if the file is missing, empty or above the limit
   */
  public static ImageInput file(Path path, String mimeType) {
    return DEFAULT.file(path, mimeType);
  }

  /**
   * Image bytes, their type told from the first bytes, within the default size limit.
   *
   * @param content the image
   * @return the input, a data URI
   * @throws ValidationException if the type is unknown, the content empty or above the limit
   */
  public static ImageInput bytes(byte[] content) {
    return DEFAULT.bytes(content, null);
  }

  /**
   * Bytes of a given type, within the default size limit.
   *
   * @param content the image
   * @param mimeType its MIME type, for example {@code image/png}
   * @return the input, a data URI
   * @throws ValidationException if the content is empty or above the limit
   */
  public static ImageInput bytes(byte[] content, String mimeType) {
    return DEFAULT.bytes(content, mimeType);
  }

  /**
   * An image read from a stream (which is not closed), within the default size limit.
   *
   * @param in the stream
   * @param mimeType its MIME type, or null to tell it from the first bytes
   * @return the input, a data URI
   * @throws ValidationException if the content is of unknown type, empty or above the limit
   */
  public static ImageInput stream(InputStream in, String mimeType) {
    return DEFAULT.stream(in, mimeType);
  }

  /**
   * Reads local content with a limit of your choice instead of {@link #DEFAULT_MAX_BYTES}.
   *
   * @param maxBytes the largest content accepted inline, 1 byte to 1 GiB
   * @return a loader with the same methods as this class's local-content factories
   * @throws IllegalArgumentException if the limit is out of range
   */
  public static Loader withMaxBytes(long maxBytes) {
    if (maxBytes < 1 || maxBytes > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "maxBytes must be between 1 and " + MAX_LIMIT + " but was " + maxBytes);
    }
    return new Loader(maxBytes, LOG::warn);
  }

  /**
   * The string sent to the model: the URL or the data URI.
   *
   * @return the wire value
   */
  public String wireValue() {
    return wireValue;
  }

  /**
   * Whether the content travels inline as a data URI rather than as a URL.
   *
   * @return true for data URIs
   */
  public boolean isInline() {
    return DataUri.looksLikeOne(wireValue);
  }

  /**
   * The MIME type of inline content.
   *
   * @return the type, or empty for URLs and data URIs without one
   */
  public Optional<String> mimeType() {
    return isInline() ? DataUri.parse(wireValue).mimeType() : Optional.empty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageInput && wireValue.equals(((ImageInput) o).wireValue);
  }

  @Override
  public int hashCode() {
    return wireValue.hashCode();
  }

  /** The URL, or the start of the data URI and its length. */
  @Override
  public String toString() {
    return "ImageInput{" + Texts.abbreviate(wireValue) + "}";
  }

  private static ValidationException invalid(String field, String value, String rule) {
    return new ValidationException(List.of(new Violation(SUBJECT, field, value, rule)));
  }

  /** Reads local content within one size limit. Get one from {@link #withMaxBytes(long)}. */
  public static final class Loader {
    private final long maxBytes;
    private final Consumer<String> warn;

    Loader(long maxBytes, Consumer<String> warn) {
      this.maxBytes = maxBytes;
      this.warn = warn;
    }

    /**
     * Like {@link ImageInput#dataUri(String)}, with this loader's limit.
     *
     * @param dataUri {@code data:[<media type>][;base64],<data>}
     * @return the input
     */
    public ImageInput dataUri(String dataUri) {
      if (dataUri == null) {
        throw invalid("data URI", null, "required");
      }
      byte[] content;
      try {
        content = DataUri.parse(dataUri).decode();
      } catch (IllegalArgumentException e) {
        throw invalid("data URI", Texts.abbreviate(dataUri), "is not a valid data URI: it "
            + e.getMessage());
      }
      String label = Texts.abbreviate(dataUri);
      checkSize("data URI", label, content.length, false);
      warnIfLarge(label, content.length);
      return new ImageInput(dataUri);
    }

    /**
     * Like {@link ImageInput#file(Path, String)}, with this loader's limit.
     *
     * @param path the file
     * @param mimeType its MIME type, or null to tell it from the first bytes
     * @return the input
     */
    public ImageInput file(Path path, String mimeType) {
      Objects.requireNonNull(path, "path");
      String label = path.toString();
      if (!Files.isRegularFile(path)) {
        throw invalid("file", label,
            Files.exists(path) ? "is not a regular file" : "does not exist");
      }
      byte[] content;
      try {
        checkSize("file", label, Files.size(path), false);
        content = Files.readAllBytes(path);
      } catch (IOException e) {
        throw new ReplicateException("Could not read image file " + label + ": " + e, e);
      }
      return inline("file", label, content, mimeType);
    }

    /**
     * Like {@link ImageInput#file(Path)}, with this loader's limit.
     *
     * @param path the file
     * @return the input
     */
    public ImageInput file(Path path) {
      return file(path, null);
    }

    /**
     * Like {@link ImageInput#bytes(byte[], String)}, with this loader's limit.
     *
     * @param content the image
     * @param mimeType its MIME type, or null to tell it from the first bytes
     * @return the input
     */
    public ImageInput bytes(byte[] content, String mimeType) {
      Objects.requireNonNull(content, "content");
      return inline("bytes", "<" + content.length + " bytes>", content, mimeType);
    }

    /**
     * Like {@link ImageInput#stream(InputStream, String)}, with this loader's limit.
     *
     * @param in the stream, read up to one byte past the limit and not closed
     * @param mimeType its MIME type, or null to tell it from the first bytes
     * @return the input
     */
    public ImageInput stream(InputStream in, String mimeType) {
      Objects.requireNonNull(in, "in");
      byte[] content;
      try {
        content = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
      } catch (IOException e) {
        throw new ReplicateException("Could not read the image stream: " + e, e);
      }
      checkSize("stream", "<stream>", content.length, true);
      return inline("stream", "<" + content.length + " bytes>", content, mimeType);
    }

    private ImageInput inline(String field, String label, byte[] content, String mimeType) {
      checkSize(field, label, content.length, false);
      String type = mimeType;
      if (type == null) {
        type = MimeSniffer.sniff(content).orElseThrow(() -> invalid(field, label,
            "is not a PNG, JPEG, GIF or WEBP image by its first bytes; pass its MIME type, "
            + "for example ImageInput.bytes(content, \"image/bmp\")"));
      } else if (!DataUri.MIME.matcher(type).matches()) {
        throw invalid("mimeType", type, "is not a MIME type like image/png");
      }
      warnIfLarge(label, content.length);
      return new ImageInput(DataUri.encode(type, content));
    }

    /** Refuses empty content and content above the limit. */
    private void checkSize(String field, String label, long size, boolean readPastLimit) {
      if (size == 0) {
        throw invalid(field, label, "is empty");
      }
      if (size > maxBytes) {
        throw invalid(field, label, (readPastLimit ? "is larger than " : "is " + Texts.bytes(size)
            + ", above ") + "the limit of " + Texts.bytes(maxBytes) + " for content sent inline; "
            + "host the file and pass its URL with ImageInput.url(...), "
            + "or raise the limit with ImageInput.withMaxBytes(...)");
      }
    }

    private void warnIfLarge(String label, long size) {
      if (size > WARN_BYTES) {
        warn.accept("Image input " + label + " is " + Texts.bytes(size)
            + ", sent inline as a data URI; above " + Texts.bytes(WARN_BYTES)
            + " the API recommends hosting the file and passing its URL (ImageInput.url)");
      }
    }
  }
}
