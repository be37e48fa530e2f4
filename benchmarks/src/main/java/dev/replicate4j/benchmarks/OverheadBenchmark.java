package dev.replicate4j.benchmarks;

import dev.replicate4j.Prediction;
import dev.replicate4j.PredictionHandle;
import dev.replicate4j.ReplicateClient;
import dev.replicate4j.models.FileOutputs;
import dev.replicate4j.models.Models;
import dev.replicate4j.models.StableDiffusionInput;
import dev.replicate4j.stub.RecordedCall;
import dev.replicate4j.stub.Schedule;
import dev.replicate4j.stub.StubRelay;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Create + get of one prediction over loopback HTTP against the stub relay, through the SDK and
 * through {@link RawClient} (a hand-written OkHttp + Moshi client sending the same JSON),
 * interleaved: each operation runs one of each, in alternating order, and times both. On a small,
 * shared machine the speed of loopback round trips drifts from second to second; measured side by
 * side, both clients see the same drift and their ratio stays meaningful.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OverheadBenchmark {
  private static final StableDiffusionInput INPUT =
      StableDiffusionInput.builder().prompt("a lighthouse at dusk").numOutputs(1).build();
  /** The raw client's input: the same JSON as {@link #INPUT} (see {@link #checkSameJson()}). */
  private static final Map<String, Object> RAW_INPUT =
      Map.of("prompt", "a lighthouse at dusk", "num_outputs", 1);
  /** Predictions stay {@code starting}: every answer is the same small JSON. */
  private static final Schedule NEVER_STARTS = Schedule.of(Duration.ofHours(1), Duration.ZERO);
  /** Pairs each fresh client makes before an iteration's timing starts. */
  static final int WARM_UP_PAIRS = 20;

  private StubRelay stub;
  private ReplicateClient sdk;
  private RawClient raw;
  private boolean sdkFirst;

  /** Time spent in each client, per iteration; JMH reports them as secondary results. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Split {
    /** Nanoseconds in SDK create + get. */
    public long sdkNanos;
    /** Nanoseconds in raw create + get. */
    public long rawNanos;
    /** Pairs measured. */
    public long pairs;

    /** Starts each iteration from zero. */
    @Setup(Level.Iteration)
    public void reset() {
      sdkNanos = 0;
      rawNanos = 0;
      pairs = 0;
    }
  }

  /**
   * A fresh stub and fresh clients for every iteration: the stub keeps every prediction and
   * request, and a growing stub would slow later iterations down. Each client then makes
   * {@value #WARM_UP_PAIRS} pairs untimed, so that what is timed is the cost per call of a client
   * in use, not its first connection, nor the SDK's once-per-client checks that the server keeps
   * its connections (a millisecond for each of its first creates on a reused connection).
   */
  @Setup(Level.Iteration)
  public void start() {
    stub = StubRelay.builder().schedule(NEVER_STARTS).build().start();
    sdk = ReplicateClient.builder().apiKey(stub.apiKey()).baseUrl(stub.baseUrl()).build();
    raw = new RawClient(stub.baseUrl(), stub.apiKey());
    for (int i = 0; i < WARM_UP_PAIRS; i++) {
      createAndGet(sdk);
      createAndGet(raw);
    }
  }

  /** Stops the clients and the stub. */
  @TearDown(Level.Iteration)
  public void stop() {
    sdk.close();
    raw.close();
    stub.close();
  }

  /**
   * One create + get through each client, the order alternating between operations.
   *
   * @param split where the time of each is added up
   * @param sink keeps the results alive
   */
  @Benchmark
  public void createAndGet(Split split, Blackhole sink) {
    sdkFirst = !sdkFirst;
    if (sdkFirst) {
      sdkOnce(split, sink);
      rawOnce(split, sink);
    } else {
      rawOnce(split, sink);
      sdkOnce(split, sink);
    }
    split.pairs++;
  }

  private void sdkOnce(Split split, Blackhole sink) {
    long start = System.nanoTime();
    sink.consume(createAndGet(sdk));
    split.sdkNanos += System.nanoTime() - start;
  }

  private void rawOnce(Split split, Blackhole sink) {
    long start = System.nanoTime();
    sink.consume(createAndGet(raw));
    split.rawNanos += System.nanoTime() - start;
  }

  private static Prediction createAndGet(ReplicateClient client) {
    PredictionHandle<FileOutputs> handle = client.create(Models.STABLE_DIFFUSION, INPUT);
    return client.get(handle.id());
  }

  private static Map<String, Object> createAndGet(RawClient client) {
    Map<String, Object> created = client.create(Models.STABLE_DIFFUSION.versionId().orElseThrow(), RAW_INPUT);
    return client.get((String) created.get("id"));
  }

  /**
   * Checks that both clients send the same create body and read the same prediction; run before
   * the benchmark so that it compares like with like.
   *
   * @throws IOException if a recorded body is not JSON
   */
  static void checkSameJson() throws IOException {
    try (StubRelay stub = StubRelay.builder().schedule(NEVER_STARTS).build().start();
        ReplicateClient sdk =
            ReplicateClient.builder().apiKey(stub.apiKey()).baseUrl(stub.baseUrl()).build();
        RawClient raw = new RawClient(stub.baseUrl(), stub.apiKey())) {
      Prediction viaSdk = createAndGet(sdk);
      Map<String, Object> viaRaw = createAndGet(raw);
      List<RecordedCall> creates = stub.journal().creates();
      Map<String, Object> sdkBody = RawClient.MAP.fromJson(creates.get(0).body());
      Map<String, Object> rawBody = RawClient.MAP.fromJson(creates.get(1).body());
      Object rawStatus = viaRaw.get("status");
      if (!sdkBody.equals(rawBody) || !viaSdk.rawStatus().equals(Optional.ofNullable(rawStatus))) {
        throw new IllegalStateException("The two clients do not do the same: SDK sent " + sdkBody
            + " and read " + viaSdk.rawStatus().orElse(null) + ", raw sent " + rawBody + " and read "
            + viaRaw.get("status"));
      }
    }
  }
}
