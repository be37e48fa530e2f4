package dev.replicate4j.benchmarks;

import dev.replicate4j.stub.NoDelayServerSockets;
import com.sun.management.ThreadMXBean;
import dev.replicate4j.Prediction;
import dev.replicate4j.PredictionHandle;
import dev.replicate4j.ReplicateClient;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
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

/**
 * One poll of a prediction with 1 MiB of logs and 100 outputs ({@link LargePrediction}), as a
 * handle refresh does it: GET over loopback, parse, and the listeners' pass over the logs (status,
 * new log lines, the progress bar). Allocation is counted on the calling thread only, which does
 * all of the client's work in a synchronous call; the server's allocations are left out.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PollBenchmark {
  private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

  private MockWebServer server;
  private ReplicateClient client;
  private PredictionHandle<Object> handle;

  /** Bytes the calling thread allocated, per iteration; JMH reports it as a secondary result. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Allocation {
    /** Bytes allocated by the calling thread. */
    public long clientBytes;
    /** Polls made. */
    public long polls;

    /** Starts each iteration from zero. */
    @Setup(Level.Iteration)
    public void reset() {
      clientBytes = 0;
      polls = 0;
    }
  }

  /**
   * Serves the same large prediction to every GET.
   *
   * @throws IOException if the server cannot start
   */
  @Setup(Level.Trial)
  public void start() throws IOException {
    String json = LargePrediction.json();
    MockResponse response = new MockResponse.Builder().code(200)
        .setHeader("Content-Type", "application/json").body(json).build();
    server = new MockWebServer();
    server.setServerSocketFactory(NoDelayServerSockets.factory());
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return response;
      }
    });
    server.start();
    client = ReplicateClient.builder().apiKey("benchmark-key").baseUrl(server.url("/").toString())
        .build();
    handle = client.resume(Prediction.parse(json).id());
  }

  /**
   * Stops the client and the server.
   */
  @TearDown(Level.Trial)
  public void stop() {
    client.close();
    server.close();
  }

  /**
   * {@code PredictionHandle.refresh()}: what each poll of a wait costs the client.
   *
   * @param allocation where the calling thread's allocation is added up
   * @return the prediction
   */
  @Benchmark
  public Prediction refresh(Allocation allocation) {
    long id = Thread.currentThread().getId();
    long before = THREADS.getThreadAllocatedBytes(id);
    Prediction p = handle.refresh();
    allocation.clientBytes += THREADS.getThreadAllocatedBytes(id) - before;
    allocation.polls++;
    return p;
  }
}
