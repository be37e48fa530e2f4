package dev.replicate4j.stub;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The files a prediction will output, decided at creation from its model and input: intermediate
 * frames (published while processing) and final files, and whether the output is one URI or an
 * array.
 */
final class OutputPlan {
  /** One output file. */
  static final class PlannedFile {
    final String name;
    final FileFormat format;
    final int variant;

    PlannedFile(String name, FileFormat format, int variant) {
      this.name = name;
      this.format = format;
      this.variant = variant;
    }
  }

  final List<PlannedFile> frames;
  final List<PlannedFile> finals;
  final boolean single;

  private OutputPlan(List<PlannedFile> frames, List<PlannedFile> finals, boolean single) {
    this.frames = Collections.unmodifiableList(frames);
    this.finals = Collections.unmodifiableList(finals);
    this.single = single;
  }

  static OutputPlan of(ModelSpec spec, Map<String, Object> input) {
    List<PlannedFile> frames = new ArrayList<>();
    List<PlannedFile> finals = new ArrayList<>();
    switch (spec.output) {
      case PNG_ARRAY:
        for (int i = 0; i < count(input, "num_outputs", 1); i++) {
          finals.add(new PlannedFile("out-" + i + ".png", FileFormat.PNG, i));
        }
        return new OutputPlan(frames, finals, false);
      case FORMAT_ARRAY:
        FileFormat format = FileFormat.ofOutputFormat(text(input, "output_format", "webp"));
        for (int i = 0; i < count(input, "num_outputs", 1); i++) {
          finals.add(new PlannedFile("out-" + i + "." + format.extension, format, i));
        }
        return new OutputPlan(frames, finals, false);
      case ANIMATION:
        if (Boolean.TRUE.equals(input.get("intermediate_output"))) {
          for (int i = 0; i < count(input, "num_animation_frames", 10); i++) {
            frames.add(new PlannedFile("output-" + i + ".png", FileFormat.PNG, i));
          }
        }
        finals.add("mp4".equals(input.get("output_format"))
            ? new PlannedFile("output.mp4", FileFormat.MP4, 0)
            : new PlannedFile("video.gif", FileFormat.GIF, 0));
        return new OutputPlan(frames, finals, false);
      case SINGLE_MP4:
        finals.add(new PlannedFile("out.mp4", FileFormat.MP4, 0));
        return new OutputPlan(frames, finals, true);
      case SINGLE_PNG:
        finals.add(new PlannedFile("output.png", FileFormat.PNG, 0));
        return new OutputPlan(frames, finals, true);
      case SINGLE_RGBA_PNG:
        finals.add(new PlannedFile("out.png", FileFormat.RGBA_PNG, 0));
        return new OutputPlan(frames, finals, true);
      default:
        throw new IllegalStateException("No output plan for " + spec.output);
    }
  }

  private static int count(Map<String, Object> input, String field, int defaultValue) {
    Object value = input.get(field);
    return value instanceof Long ? ((Long) value).intValue() : defaultValue;
  }

  private static String text(Map<String, Object> input, String field, String defaultValue) {
    Object value = input.get(field);
    return value instanceof String ? (String) value : defaultValue;
  }
}
