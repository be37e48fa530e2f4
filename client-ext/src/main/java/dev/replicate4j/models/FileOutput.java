package dev.replicate4j.models;

import dev.replicate4j.DownloadException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import org.slf4j.LoggerFactory;

/**
 * One file a model produced. Its link usually expires about an hour after the prediction, so
 * download it soon. Downloads go through the client's {@link FileDownloader}, which sends no API
 * key; a {@code data:} URI is decoded locally without any request. Two files are equal when
 * their URIs are.
 *
 * @param uri the URI as the model returned it
 * @param downloader what opens it
 */
public record FileOutput(String uri, FileDownloader downloader) {
  /**
   * A file at a URI.
   *
   * @throws NullPointerException if either is null
   */
  public FileOutput {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(downloader, "downloader");
  }

  /**
   * A file at a URI, for output parsers of your own models.
   *
   * @param uri the file's URI
   * @param downloader what opens it
   * @return the file
   */
  public static FileOutput of(String uri, FileDownloader downloader) {
    return new FileOutput(uri, downloader);
  }

  /**
   * Opens the file. The caller closes the stream; reading it throws {@link IOException} as any
   * stream does.
   *
   * @return the content
   * @throws DownloadException if the file cannot be fetched, or a data URI is malformed
   */
  public InputStream openStream() {
    if (DataUri.looksLikeOne(uri)) {
      try {
        return new ByteArrayInputStream(DataUri.parse(uri).decode());
      } catch (IllegalArgumentException e) {
        throw new DownloadException("Output data URI " + Texts.abbreviate(uri) + " is malformed: it "
            + e.getMessage(), e);
      }
    }
    InputStream in;
    try {
      in = downloader.open(uri);
    } catch (IOException e) {
      throw new DownloadException("Could not fetch " + Texts.abbreviate(uri) + ": " + e.getMessage(), e);
    }
    if (in == null) {
      throw new DownloadException("The downloader returned no stream for " + Texts.abbreviate(uri),
          null);
    }
    return in;
  }

  /**
   * Downloads the file, replacing {@code target} only once the whole file has arrived.
   *
   * @param target where to write it; its directory must exist
   * @return {@code target}
   * @throws DownloadException if the file cannot be fetched or written
   */
  public Path downloadTo(Path target) {
    Path directory = target.toAbsolutePath().getParent();
    if (directory != null && !Files.isDirectory(directory)) {
      // Said plainly, and before fetching: the temporary file's error would name only itself.
      throw new DownloadException("Could not download " + Texts.abbreviate(uri) + " to " + target
          + ": the directory " + directory + " does not exist", null);
    }
    Path partial = null;
    try {
      partial = Files.createTempFile(directory, ".download-", ".part");
      try (InputStream in = openStream()) {
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        return target;
      }
    } catch (IOException e) {
      throw new DownloadException("Could not download " + Texts.abbreviate(uri) + " to " + target
          + ": " + e, e);
    } finally {
      deletePartial(partial);
    }
  }

  private static void deletePartial(Path partial) {
    if (partial == null) {
      return;
    }
    try {
      Files.deleteIfExists(partial);
    } catch (IOException e) {
      // The download's own outcome matters more than a leftover temporary file; say where it is.
      LoggerFactory.getLogger(FileOutput.class).warn("Could not delete partial download {}", partial, e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FileOutput other && uri.equals(other.uri);
  }

  @Override
  public int hashCode() {
    return uri.hashCode();
  }

  /** The URI, cut short if it is a long data URI. */
  @Override
  public String toString() {
    return Texts.abbreviate(uri);
  }
}
