package dev.replicate4j.cli;

import dev.replicate4j.models.AnimationOutput;
import dev.replicate4j.models.FileOutput;
import dev.replicate4j.models.FileOutputs;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Saves a typed output's files into a folder, named as the server named them. */
final class OutputFiles {
  private OutputFiles() {}

  /** The files of a typed output; empty for outputs that are not files (text, raw JSON). */
  static List<FileOutput> of(Object output) {
    List<FileOutput> files = new ArrayList<>();
    if (output instanceof FileOutputs) {
      files.addAll(((FileOutputs) output).files());
    } else if (output instanceof AnimationOutput) {
      files.addAll(((AnimationOutput) output).files());
    } else if (output instanceof FileOutput) {
      files.add((FileOutput) output);
    }
    return files;
  }

  static List<Path> save(List<FileOutput> files, Path folder) throws IOException {
    List<Path> saved = new ArrayList<>();
    if (!files.isEmpty()) {
      Files.createDirectories(folder);
    }
    for (int i = 0; i < files.size(); i++) {
      FileOutput file = files.get(i);
      saved.add(file.downloadTo(folder.resolve(fileName(file.uri(), i))));
    }
    return saved;
  }

  private static String fileName(String uri, int index) {
    String path = uri.startsWith("data:") ? "" : URI.create(uri).getPath();
    String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    return last.isBlank() || last.contains("..") ? "output-" + index : last;
  }
}
