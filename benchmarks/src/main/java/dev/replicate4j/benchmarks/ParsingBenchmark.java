package dev.replicate4j.benchmarks;

import dev.replicate4j.Prediction;
import dev.replicate4j.models.FileDownloader;
import dev.replicate4j.models.FileOutputs;
import dev.replicate4j.models.Models;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parsing a prediction with 1 MiB of logs and 100 outputs ({@link LargePrediction}):
 * {@code Prediction.parse} (the webhook path: the JSON tree, then the generated model bound from it
 * to check every field), the same plus the typed output, and a plain Moshi parse into a map as the
 * baseline. A poll reads the tree only and skips the generated model; {@link PollBenchmark}
 * measures that path over HTTP. Run with JMH's GC profiler for the bytes allocated per parse.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ParsingBenchmark {
  private static final FileDownloader NO_DOWNLOADS = uri -> {
    throw new IOException("The parsing benchmark downloads nothing");
  };

  private String json;

  /** Builds the JSON once and checks that it parses to what it should. */
  @Setup(Level.Trial)
  public void build() {
    json = LargePrediction.json();
    FileOutputs files = sdkTypedOutput();
    if (files.files().size() != LargePrediction.OUTPUTS) {
      throw new IllegalStateException("Expected " + LargePrediction.OUTPUTS + " files, got "
          + files.files().size());
    }
  }

  /**
   * {@code Prediction.parse}: the JSON tree, the generated model and the immutable view.
   *
   * @return the prediction
   */
  @Benchmark
  public Prediction sdkPrediction() {
    return Prediction.parse(json);
  }

  /**
   * The parse plus the typed output of the model (100 file handles).
   *
   * @return the typed output
   */
  @Benchmark
  public FileOutputs sdkTypedOutput() {
    return Models.STABLE_DIFFUSION.parseOutput(Prediction.parse(json).output(), NO_DOWNLOADS);
  }

  /**
   * Baseline: plain Moshi into a map.
   *
   * @return the map
   * @throws IOException never for this JSON
   */
  @Benchmark
  public Map<String, Object> moshiMap() throws IOException {
    return RawClient.MAP.fromJson(json);
  }
}
