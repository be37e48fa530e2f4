package dev.replicate4j.models;

import dev.replicate4j.ReplicateException;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The files of a model that returns an array, in the model's order. There may be fewer than the
 * {@code num_outputs} asked for: safety filters drop flagged images without failing the run.
 *
 * @param files every file, in order: an unmodifiable list, possibly empty
 */
public record FileOutputs(List<FileOutput> files) implements Iterable<FileOutput> {
  /**
   * Copies the files, so the outputs never change.
   *
   * @param files the files, in order
   */
  public FileOutputs {
    files = List.copyOf(files);
  }

  /**
   * Wraps files, for output parsers of your own models.
   *
   * @param files the files, in order
   * @return the outputs
   */
  public static FileOutputs of(List<FileOutput> files) {
    return new FileOutputs(files);
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

  /** The URIs. */
  @Override
  public String toString() {
    return files.toString();
  }
}
