package dev.replicate4j.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replicate4j.ReplicateException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every output shape the models return, and every wrong one, as Moshi hands them over. */
class OutputParsingTest {
  private static final String BASE = "https://replicate.delivery/pbxt/abc/";
  /** Parsing is not downloading: a downloader that must never be called. */
  private static final FileDownloader NO_IO = uri -> {
    throw new AssertionError("parsing must not download " + uri);
  };

  @Test
  void anArrayOfUrisBecomesFileOutputsInOrder() {
    FileOutputs out = Models.SDXL.parseOutput(List.of(BASE + "out-0.png", BASE + "out-1.png"),
        NO_IO);

    assertThat(out.uris()).containsExactly(BASE + "out-0.png", BASE + "out-1.png");
    assertThat(out.size()).isEqualTo(2);
    assertThat(out.first().uri()).isEqualTo(BASE + "out-0.png");
    assertThat(out.get(1).uri()).isEqualTo(BASE + "out-1.png");
  }

  @Test
  void aShorterListThanNumOutputsIsNotAnError() {
    // num_outputs was 4; the safety checker dropped three images.
    FileOutputs out = Models.FLUX_DEV_LORA.parseOutput(List.of(BASE + "out-2.webp"), NO_IO);
    assertThat(out.uris()).containsExactly(BASE + "out-2.webp");
  }

  @Test
  void anEmptyListParsesButHasNoFirstFile() {
    FileOutputs out = Models.FLUX_SCHNELL_LORA.parseOutput(List.of(), NO_IO);
    assertThat(out.isEmpty()).isTrue();
    assertThatThrownBy(out::first).isInstanceOf(ReplicateException.class)
        .hasMessage("The model returned no files (all may have been filtered out)");
  }

  @Test
  void aSingleUriForAnArrayModelIsOneFile() {
    assertThat(Models.STABLE_DIFFUSION_INPAINTING.parseOutput(BASE + "out-0.png", NO_IO).uris())
        .containsExactly(BASE + "out-0.png");
  }

  @Test
  void singleFileModelsReturnOneFileOutput() {
    FileOutput video = Models.ANIMATE_DIFF.parseOutput(BASE + "out.mp4", NO_IO);
    assertThat(video.uri()).isEqualTo(BASE + "out.mp4");
    assertThat(Models.REMBG.parseOutput(List.of(BASE + "out.png"), NO_IO).uri())
        .isEqualTo(BASE + "out.png");
    assertThat(Models.OBJECT_REMOVAL.parseOutput(BASE + "output.png", NO_IO))
        .isEqualTo(FileOutput.of(BASE + "output.png", NO_IO));
  }

  @Test
  void severalFilesForASingleFileModelAreTheWrongShape() {
    assertThatThrownBy(() -> Models.REMBG.parseOutput(List.of(BASE + "a.png", BASE + "b.png"),
        NO_IO))
        .isInstanceOf(ReplicateException.class)
        .hasMessage("cjwbw/rembg: unexpected output for FileOutput: expected one file but got an "
            + "array of 2; output was an array [" + BASE + "a.png, " + BASE + "b.png]");
  }

  @Test
  void animationFramesComeFirstAndTheVideoLast() {
    AnimationOutput out = Models.STABLE_DIFFUSION_ANIMATION.parseOutput(List.of(
        BASE + "output-0.png", BASE + "output-1.png", BASE + "output-2.png", BASE + "video.gif"),
        NO_IO);

    assertThat(out.video().uri()).isEqualTo(BASE + "video.gif");
    assertThat(out.frames()).extracting(FileOutput::uri).containsExactly(BASE + "output-0.png",
        BASE + "output-1.png", BASE + "output-2.png");
    assertThat(out.files()).hasSize(4);
    assertThat(out.toString()).isEqualTo("AnimationOutput{video=" + BASE + "video.gif, frames=3}");
  }

  @Test
  void anAnimationWithoutIntermediateOutputIsJustTheVideo() {
    AnimationOutput out = Models.STABLE_DIFFUSION_ANIMATION.parseOutput(
        List.of(BASE + "output.mp4"), NO_IO);
    assertThat(out.video().uri()).isEqualTo(BASE + "output.mp4");
    assertThat(out.frames()).isEmpty();
  }

  @Test
  void anAnimationWithNoFilesIsTheWrongShape() {
    assertThatThrownBy(() -> Models.STABLE_DIFFUSION_ANIMATION.parseOutput(List.of(), NO_IO))
        .isInstanceOf(ReplicateException.class)
        .hasMessage("andreasjansson/stable-diffusion-animation: unexpected output for "
            + "AnimationOutput: expected at least the final video but the array is empty; "
            + "output was an array []");
  }

  @Test
  void aNullOutputIsAnErrorNamingTheModel() {
    assertThatThrownBy(() -> Models.SDXL.parseOutput(null, NO_IO))
        .isInstanceOf(ReplicateException.class)
        .hasMessage("stability-ai/sdxl: the prediction has no output (output is null)");
  }

  @Test
  void wrongShapesAreErrorsNamingTheModelAndWhatCame() {
    assertThatThrownBy(() -> Models.SDXL.parseOutput(3.0, NO_IO))
        .hasMessage("stability-ai/sdxl: unexpected output for FileOutputs: expected a URI or an "
            + "array of URIs but got a number 3.0; output was a number 3.0");
    assertThatThrownBy(() -> Models.ANIMATE_DIFF.parseOutput(Map.of("video", "x"), NO_IO))
        .hasMessageStartingWith("lucataco/animate-diff: unexpected output for FileOutput: "
            + "expected a URI or an array of URIs but got an object {video=x}");
    assertThatThrownBy(() -> Models.STABLE_DIFFUSION.parseOutput(List.of(BASE + "a.png", 1.0),
        NO_IO))
        .hasMessageStartingWith("stability-ai/stable-diffusion: unexpected output for "
            + "FileOutputs: element 1 is not a URI string but a number 1.0");
    assertThatThrownBy(() -> Models.REMBG.parseOutput("no output here", NO_IO))
        .hasMessageStartingWith("cjwbw/rembg: unexpected output for FileOutput: the output is "
            + "not a URI: \"no output here\"");
    assertThatThrownBy(() -> Models.REMBG.parseOutput(true, NO_IO))
        .isInstanceOf(ReplicateException.class).hasMessageContaining("a boolean true");
  }

  @Test
  void theGenericModelReturnsTheRawOutputUnchanged() {
    Object raw = List.of(Map.of("text", "hello"), 2.0);
    assertThat(Models.generic("acme/echo").parseOutput(raw, NO_IO)).isSameAs(raw);
  }

  @Test
  void aParserOfYourOwnThatFailsIsReportedWithTheModelName() {
    Model<GenericInput, FileOutput> broken = own(OutputParser.singleFile()).build();
    Model<GenericInput, FileOutput> lying = Model.builder(GenericInput.class, FileOutput.class)
        .owner("acme").name("liar").version(ModelTestSupport.HASH).task(Task.OTHER)
        .outputParser((raw, d) -> null).build();

    assertThatThrownBy(() -> broken.parseOutput(Map.of(), NO_IO))
        .hasMessageStartingWith("acme/thing: unexpected output for FileOutput: expected a URI");
    assertThatThrownBy(() -> lying.parseOutput("https://x/y", NO_IO))
        .hasMessage("acme/liar: the output parser returned null, not "
            + "dev.replicate4j.models.FileOutput");
  }

  private static Model.Builder<GenericInput, FileOutput> own(OutputParser<FileOutput> parser) {
    return Model.builder(GenericInput.class, FileOutput.class).owner("acme").name("thing")
        .version(ModelTestSupport.HASH).task(Task.OTHER).outputParser(parser);
  }
}
