package dev.replicate4j.benchmarks;

import dev.replicate4j.CreateOptions;
import dev.replicate4j.PollingPolicy;
import dev.replicate4j.Prediction;
import dev.replicate4j.ReplicateClient;
import dev.replicate4j.models.FileOutputs;
import dev.replicate4j.models.Models;
import dev.replicate4j.models.StableDiffusionInput;
import dev.replicate4j.stub.Journal;
import dev.replicate4j.stub.LogShape;
import dev.replicate4j.stub.Schedule;
import dev.replicate4j.stub.StubRelay;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One batch of the waiting measurement: for each job length, {@link WaitingHarness#STUBS_PER_JOB}
 * stubs whose jobs last the length plus 0, 50, ... 450 ms (so that polls on a fixed interval meet
 * the end of the job at every phase), several synchronous {@code run}s per stub at once, all under
 * one polling policy and one {@code Prefer: wait} behaviour of the stubs.
 */
final class WaitingBatch {
  private static final StableDiffusionInput INPUT =
      StableDiffusionInput.builder().prompt("a lighthouse at dusk").numOutputs(1).build();

  /** One prediction's cost: requests the stub saw for it, and how late the SDK returned. */
  static final class Sample {
    final int requests;
    final double delayMillis;

    Sample(int requests, double delayMillis) {
      this.requests = requests;
      this.delayMillis = delayMillis;
    }
  }

  private static final class Target {
    final LogShape shape;
    final Duration job;
    final StubRelay stub;
    final ReplicateClient client;

    Target(LogShape shape, Duration job, StubRelay stub, ReplicateClient client) {
      this.shape = shape;
      this.job = job;
      this.stub = stub;
      this.client = client;
    }
  }

  private static final class Finished {
    final Target target;
    final String id;
    final Instant returnedAt;

    Finished(Target target, String id, Instant returnedAt) {
      this.target = target;
      this.id = id;
      this.returnedAt = returnedAt;
    }
  }

  private final boolean honoured;
  private final PollingPolicy policy;
  private final int perStub;

  WaitingBatch(boolean honoured, PollingPolicy policy, int perStub) {
    this.honoured = honoured;
    this.policy = policy;
    this.perStub = perStub;
  }

  /** Runs the batch with the stub's honest progress bar; the samples per job length. */
  Map<Duration, List<Sample>> run(List<Duration> jobs) throws Exception {
    return run(jobs, List.of(LogShape.HONEST)).get(LogShape.HONEST);
  }

  /** Runs the batch, every shape at every job length at once; the samples per shape and job. */
  Map<LogShape, Map<Duration, List<Sample>>> run(List<Duration> jobs, List<LogShape> shapes)
      throws Exception {
    List<Target> targets = new ArrayList<>();
    int total = shapes.size() * jobs.size() * WaitingHarness.STUBS_PER_JOB * perStub;
    ExecutorService pool = Executors.newFixedThreadPool(total, named("bench-waiting-"));
    try {
      for (LogShape shape : shapes) {
        for (Duration job : jobs) {
          for (int k = 0; k < WaitingHarness.STUBS_PER_JOB; k++) {
            Duration starting = job.dividedBy(10);
            Duration processing = job.minus(starting).plus(WaitingHarness.STAGGER.multipliedBy(k));
            StubRelay stub = StubRelay.builder().logShape(shape)
                .schedule(Schedule.of(starting, processing)).honourPreferWait(honoured).build()
                .start();
            targets.add(new Target(shape, job, stub,
                ReplicateClient.builder().apiKey(stub.apiKey()).baseUrl(stub.baseUrl()).build()));
          }
        }
      }
      List<Future<Finished>> runs = new ArrayList<>();
      for (int i = 0; i < perStub; i++) {
        for (Target target : targets) {
          runs.add(pool.submit(() -> runOne(target)));
        }
      }
      List<Finished> finished = new ArrayList<>();
      Duration longest = jobs.stream().max(Duration::compareTo).orElseThrow();
      long deadline = System.nanoTime() + longest.plusSeconds(60).toNanos();
      for (Future<Finished> run : runs) {
        finished.add(run.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
      }
      return samples(finished, targets, jobs, shapes);
    } finally {
      pool.shutdownNow();
      for (Target target : targets) {
        target.client.close();
        target.stub.close();
      }
    }
  }

  private Finished runOne(Target target) {
    // The official clients' fixed wait sends no sync mode; the SDK's default run does.
    CreateOptions options = policy.equals(WaitingHarness.FIXED_HALF_SECOND) ? CreateOptions.NONE
        : CreateOptions.SYNC;
    FileOutputs output = target.client.run(Models.STABLE_DIFFUSION, INPUT, options, policy);
    Instant returnedAt = Instant.now();
    return new Finished(target, predictionId(output.first().uri()), returnedAt);
  }

  /** Requests from each stub's journal first, then the completion times (reading them is a GET). */
  private Map<LogShape, Map<Duration, List<Sample>>> samples(List<Finished> finished,
      List<Target> targets, List<Duration> jobs, List<LogShape> shapes) {
    Map<String, Integer> requests = new LinkedHashMap<>();
    for (Finished f : finished) {
      Journal journal = f.target.stub.journal();
      requests.put(f.id, 1 + journal.gets(f.id).size() + journal.cancels(f.id).size());
    }
    for (Target target : targets) {
      int counted = 0;
      for (Finished f : finished) {
        counted += f.target == target ? requests.get(f.id) : 0;
      }
      int journalled = target.stub.journal().requests().size();
      int creates = target.stub.journal().creates().size();
      if (creates != perStub || journalled != counted) {
        throw new IllegalStateException("Stub " + target.stub + " saw " + creates + " creates and "
            + journalled + " requests; expected " + perStub + " creates and " + counted);
      }
    }
    Map<LogShape, Map<Duration, List<Sample>>> byShape = new LinkedHashMap<>();
    for (LogShape shape : shapes) {
      Map<Duration, List<Sample>> byJob = new LinkedHashMap<>();
      jobs.forEach(job -> byJob.put(job, new ArrayList<>()));
      byShape.put(shape, byJob);
    }
    for (Finished f : finished) {
      Prediction p = f.target.client.get(f.id);
      Instant completedAt = p.completedAt().orElseThrow(() -> new IllegalStateException(
          "Prediction " + f.id + " has no completed_at after the SDK returned it"));
      double delay = Duration.between(completedAt, f.returnedAt).toNanos() / 1e6;
      byShape.get(f.target.shape).get(f.target.job).add(new Sample(requests.get(f.id), delay));
    }
    return byShape;
  }

  /** The id in a stub output URI: {@code http://localhost:PORT/files/ID/out-0.png}. */
  static String predictionId(String uri) {
    String[] path = URI.create(uri).getPath().split("/");
    if (path.length != 4 || !path[1].equals("files")) {
      throw new IllegalStateException("Not a stub output URI: " + uri);
    }
    return path[2];
  }

  static java.util.concurrent.ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
