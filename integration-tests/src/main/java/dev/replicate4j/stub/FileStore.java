package dev.replicate4j.stub;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Output files that have been published, by prediction id and file name. */
final class FileStore {
  /** One stored file. */
  static final class StoredFile {
    final FileFormat format;
    final byte[] bytes;

    StoredFile(FileFormat format, byte[] bytes) {
      this.format = format;
      this.bytes = bytes;
    }
  }

  private final Map<String, StoredFile> files = new ConcurrentHashMap<>();

  void publish(String predictionId, OutputPlan.PlannedFile file) {
    files.put(predictionId + "/" + file.name,
        new StoredFile(file.format, MediaFiles.render(file.format, file.variant)));
  }

  StoredFile find(String predictionId, String name) {
    return files.get(predictionId + "/" + name);
  }
}
