package dev.replicate4j.models;

/**
 * Turns a model's raw JSON output into its typed output. The JSON arrives as
 * {@link dev.replicate4j.ExactJson} reads it: a List, a String, a number (Long, Double, BigInteger
 * or BigDecimal), a Boolean or a Map, and never null ({@link Model#parseOutput} checks that first).
 *
 * <p>A parser that meets a shape it does not expect throws an {@link IllegalArgumentException}
 * saying what it found; the model turns it into a {@code ReplicateException} naming the model.
 *
 * @param <O> the typed output
 */
@FunctionalInterface
public interface OutputParser<O> {
  /**
   * Parses the output.
   *
   * @param rawOutput the output as JSON values, not null
   * @param downloader what typed outputs use to fetch their files
   * @return the typed output, not null
   * @throws IllegalArgumentException if the output does not have the expected shape
   */
  O parse(Object rawOutput, FileDownloader downloader);

  /**
   * For models that return one file: a URI string (a one-element array is read the same way).
   *
   * @return the parser
   */
  static OutputParser<FileOutput> singleFile() {
    return (raw, downloader) -> FileOutput.of(OutputShapes.singleUri(raw), downloader);
  }

  /**
   * For models that return an array of files. The array may be shorter than requested (safety
   * filters drop images); a single URI string is read as a one-element array.
   *
   * @return the parser
   */
  static OutputParser<FileOutputs> fileList() {
    return (raw, downloader) -> FileOutputs.of(OutputShapes.files(raw, downloader));
  }

  /**
   * For models whose array ends with the final video, after any intermediate frames.
   *
   * @return the parser
   */
  static OutputParser<AnimationOutput> animation() {
    return (raw, downloader) -> new AnimationOutput(OutputShapes.files(raw, downloader));
  }

  /**
   * Returns the JSON output unchanged.
   *
   * @return the parser
   */
  static OutputParser<Object> raw() {
    return (raw, downloader) -> raw;
  }
}
