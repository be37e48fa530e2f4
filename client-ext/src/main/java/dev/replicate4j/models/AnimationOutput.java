package dev.replicate4j.models;

import java.util.List;

/**
 * The output of andreasjansson/stable-diffusion-animation: the final video (gif or mp4) is the
 * last file; with {@code intermediate_output} on, the PNG frames made along the way come first.
 *
 * @param files every file as the model returned them: frames first, video last
 */
public record AnimationOutput(List<FileOutput> files) {
  /**
   * Reads the files; the last is the video.
   *
   * @param files frames first, video last
   * @throws IllegalArgumentException if there is no file at all
   */
  public AnimationOutput {
    if (files.isEmpty()) {
      throw new IllegalArgumentException(
          "expected at least the final video but the array is empty");
    }
    files = List.copyOf(files);
  }

  /**
   * The final animation, in the requested {@code output_format}.
   *
   * @return the video file
   */
  public FileOutput video() {
    return files.get(files.size() - 1);
  }

  /**
   * The intermediate frames, in order.
   *
   * @return the frames, empty unless {@code intermediate_output} was on
   */
  public List<FileOutput> frames() {
    return files.subList(0, files.size() - 1);
  }

  /** The video and the number of frames. */
  @Override
  public String toString() {
    return "AnimationOutput{video=" + video() + ", frames=" + frames().size() + "}";
  }
}
