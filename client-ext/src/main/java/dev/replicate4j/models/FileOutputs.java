package dev.replicate4j.models;

import dev.replicate4j.ReplicateException;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The files of a model that returns an array, in the model's order. There may be fewer than the
 * {@code num_outputs} asked for: safety filters drop flagged images without failing the run.
 */
public final class FileOutputs implements Iterable<FileOutput> {
  private final List<FileOutput> files;

  private FileOutputs(List<FileOutput> files) {
    this.files = files;
  }

  /**
   * Wraps files, for output parsers of your own models.
   *
   * @param files the files, in order
   * @return the outputs
   */
  public static FileOutputs of(List<FileOutput> files) {
    return new FileOutputs(List.copyOf(files));
  }

  /**
   * Every file.
   *
   * @return an unmodifiable list, possibly empty
   */
  public List<FileOutput> files() {
    return files;
  }

  /**
   * Every file's URI.
   *
   * @return the URIs, in order
   */
  public List<String> uris() {
    return files.stream().map(FileOutput::uri).collect(Collectors.toUnmodifiableList());
  }

  /**
   * The first file, the usual pick when one image was asked for.
   *
   * @return the first file
   * @throws ReplicateException if there are none
   */
  public FileOutput first() {
    if (files.isEmpty()) {
      throw new ReplicateException("The model returned no files (all may have been filtered out)");
    }
    return files.get(0);
  }

  /**
   * The file at an index.
   *
   * @param index from 0
   * @return the file
   * @throws IndexOutOfBoundsException if there is no such file
   */
  public FileOutput get(int index) {
    return files.get(index);
  }

  /**
   * How many files came back.
   *
   * @return the count
   */
  public int size() {
    return files.size();
  }

  /**
   * Whether no file came back.
   *
   * @return true if empty
   */
  public boolean isEmpty() {
    return files.isEmpty();
  }

  /** Iterates the files in order. */
  @Override
  public Iterator<FileOutput> iterator() {
    return files.iterator();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FileOutputs && files.equals(((FileOutputs) o).files);
  }

  @Override
  public int hashCode() {
    return files.hashCode();
  }

  /** The URIs. */
  @Override
  public String toString() {
    return files.toString();
  }
}
