package dev.replicate4j.models;

import java.io.IOException;
import java.io.InputStream;

/**
 * Opens an output file by its URI. The client supplies one that never sends the API key (output
 * links are signed and served from other hosts); typed outputs use it and do no HTTP themselves.
 */
@FunctionalInterface
public interface FileDownloader {
  /**
   * Opens the file for reading. The caller closes the stream.
   *
   * @param uri the output file's URI, as the model returned it
   * @return the file's content
   * @throws IOException if the file cannot be fetched (for example an expired link)
   */
  InputStream open(String uri) throws IOException;
}
