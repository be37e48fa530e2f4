package dev.replicate4j.stub;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of the predictions' state. It moves them through their states on a real-time
 * clock (starting, then processing with progress lines in the logs, then the end their
 * {@link Outcome} says) and applies what tests and requests ask for (cancel, a status or an
 * outcome set by a test). Every change goes through {@link #change}, under this class's lock,
 * which wakes waiting requests and sends the webhooks the change calls for; every read of the
 * state goes through {@link #read}, under the same lock. No other class takes it.
 */
final class Lifecycle implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);
  /**
   * Processing is split into this many equal steps, with a progress line at the start, at each
   * step in between and at the end.
   */
  private static final int TICKS = 5;
  /** Replicate sends output and logs webhooks at most once per 500 ms. */
  private static final long WEBHOOK_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  private final PredictionStore store;
  private final FileStore files;
  private final WebhookSender webhooks;
  private final ScheduledThreadPoolExecutor timer;
  private final ReentrantLock lock = new ReentrantLock();
  /** Signalled on every change, and on close. */
  private final Condition changed = lock.newCondition();
  private boolean closed;

  Lifecycle(PredictionStore store, FileStore files, WebhookSender webhooks) {
    this.store = store;
    this.files = files;
    this.webhooks = webhooks;
    // One thread: steps due at the same instant run in the order they were planned.
    this.timer = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "stub-relay-clock");
      thread.setDaemon(true);
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true);
  }

  /** Stores a new prediction and plans its steps. */
  void begin(StubPrediction p, Schedule schedule) {
    store.add(p);
    change(p, null, () -> announce(p, "start", true));
    int generation = p.generation;
    Duration first = p.outcome.kind == Outcome.Kind.UNKNOWN_STATUS ? p.outcome.duration : schedule.starting();
    later(first, () -> start(p, generation, schedule.processing()));
    if (p.deadline != null) {
      later(Duration.between(p.createdAt, p.deadline), () -> change(p, null, () -> {
        if (!p.isTerminal()) {
          p.logs.append("Prediction deadline passed (Cancel-After)\n");
          p.complete(p.startedAt != null ? "canceled" : "aborted", Instant.now());
        }
      }));
    }
  }

  private void start(StubPrediction p, int generation, Duration processing) {
    change(p, generation, () -> {
      if (p.outcome.kind == Outcome.Kind.ABORT) {
        p.complete("aborted", Instant.now());
        return;
      }
      p.status = "processing";
      p.startedAt = Instant.now();
      Object seed = p.input.get("seed");
      p.logs.append("Using seed: ")
          .append(seed instanceof Long ? seed : ThreadLocalRandom.current().nextInt(1, 65536))
          .append('\n');
      if (p.logShape == LogShape.HONEST) {
        p.logs.append(ProgressLine.of(0, p.totalSteps(), 0)).append('\n');
      }
    });
    // The honest bar is printed by the ticks themselves, with the frames they publish.
    LogShape.Script script = p.logShape == LogShape.HONEST ? null : p.logShape.script(p.totalSteps());
    if (script != null) {
      for (LogShape.Line line : script.during()) {
        later(Duration.ofNanos((long) (processing.toNanos() * line.at())), () -> change(p, generation,
            () -> p.logs.append(line.text().apply(secondsSince(p.startedAt))).append('\n')));
      }
    }
    for (int i = 1; i < TICKS; i++) {
      int tick = i;
      later(processing.multipliedBy(i).dividedBy(TICKS), () -> change(p, generation, () -> progress(p, tick)));
    }
    later(processing, () -> change(p, generation, () -> finish(p, script)));
  }

  private void progress(StubPrediction p, int tick) {
    long total = p.totalSteps();
    if (p.logShape == LogShape.HONEST) {
      p.logs.append(ProgressLine.of(total * tick / TICKS, total, secondsSince(p.startedAt)))
          .append('\n');
    }
    int frames = p.plan.frames.size() * tick / TICKS;
    for (int i = 0; i < frames; i++) {
      publish(p, p.plan.frames.get(i));
    }
  }

  /**
   * Ends a prediction the way its outcome says, its last line from {@code script} if given, else
   * the honest bar's. Call inside {@link #change}.
   */
  private void finish(StubPrediction p, LogShape.Script script) {
    long total = p.totalSteps();
    Instant now = Instant.now();
    if (p.outcome.kind == Outcome.Kind.FAIL) {
      p.logs.append("Traceback (most recent call last):\n")
          .append("  File \"/src/predict.py\", line 88, in predict\n")
          .append("RuntimeError: ").append(p.outcome.error).append('\n');
      p.error = p.outcome.error;
      p.complete("failed", now);
      return;
    }
    double seconds = secondsSince(p.startedAt);
    p.logs.append(script == null ? ProgressLine.of(total, total, seconds)
        : script.end().apply(seconds)).append('\n');
    if (p.outcome.kind == Outcome.Kind.DATA_REMOVED) {
      p.dataRemoved = true;
    } else {
      p.plan.frames.forEach(file -> publish(p, file));
      p.plan.finals.forEach(file -> publish(p, file));
    }
    p.complete("succeeded", now);
  }

  /** Cancels now unless already finished (then nothing changes, as on Replicate). */
  void cancel(StubPrediction p) {
    change(p, null, () -> {
      if (!p.isTerminal()) {
        p.complete("canceled", Instant.now());
      }
    });
  }

  /** A test takes over: sets the status as given and stops the schedule. */
  void setStatus(StubPrediction p, String status) {
    change(p, null, () -> {
      if (p.isTerminal()) {
        throw new IllegalStateException("Prediction " + p.id + " is already " + p.status);
      }
      p.generation++;
      switch (status) {
        case "succeeded":
          p.outcome = Outcome.succeeded();
          finish(p, null);
          break;
        case "failed":
          p.outcome = Outcome.failed("Prediction failed (status set by the test)");
          finish(p, null);
          break;
        case "canceled":
        case "aborted":
          p.complete(status, Instant.now());
          break;
        case "processing":
          p.startedAt = p.startedAt == null ? Instant.now() : p.startedAt;
          p.status = status;
          break;
        default:
          p.status = status;
      }
    });
  }

  /**
   * Changes how a running prediction will end; its schedule goes on.
   *
   * @throws IllegalStateException if it already finished, or started and the outcome is aborted
   */
  void setOutcome(StubPrediction p, Outcome outcome) {
    change(p, null, () -> {
      if (p.isTerminal()) {
        throw new IllegalStateException("Prediction " + p.id + " is already " + p.status);
      }
      if (outcome.kind == Outcome.Kind.ABORT && p.startedAt != null) {
        throw new IllegalStateException("Prediction " + p.id + " already started; "
            + "aborted means it never ran");
      }
      p.outcome = outcome;
    });
  }

  /** Reads predictions' state consistently: no change happens while {@code reader} runs. */
  <T> T read(Supplier<T> reader) {
    lock.lock();
    try {
      return reader.get();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The prediction's JSON: a snapshot taken under the lock, written outside it, so a poll of a
   * mebibyte of logs does not hold up the clock or other requests while it is serialised. The
   * text is kept until the prediction next changes, and polls until then answer with it.
   */
  String json(StubPrediction p) {
    Snapshot snapshot = read(() -> new Snapshot(p.revision, p.written(),
        p.written() == null ? p.toJson() : null));
    if (snapshot.written() != null) {
      return snapshot.written();
    }
    String json = Json.write(snapshot.prediction());
    lock.lock();
    try {
      p.keepWritten(snapshot.revision(), json);
    } finally {
      lock.unlock();
    }
    return json;
  }

  /** A prediction at one revision: its JSON if already written, else its fields to write. */
  private record Snapshot(long revision, String written, Map<String, Object> prediction) {}

  String status(StubPrediction p) {
    return read(() -> p.status);
  }

  /** Waits until the prediction is terminal, the time is up, or the stub closes. */
  void awaitTerminal(StubPrediction p, long seconds) {
    long nanos = TimeUnit.SECONDS.toNanos(seconds);
    lock.lock();
    try {
      while (!p.isTerminal() && !closed && nanos > 0) {
        nanos = changed.awaitNanos(nanos);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }

  private void publish(StubPrediction p, OutputPlan.PlannedFile file) {
    if (p.addOutput(file)) {
      files.publish(p.id, file);
    }
  }

  /**
   * Applies a change under the lock, unless it is a scheduled step ({@code generation}
   * given) that a test or the end of the prediction has overtaken. Then signals waiters and sends
   * the webhooks for what changed, in event order.
   */
  private void change(StubPrediction p, Integer generation, Runnable mutation) {
    lock.lock();
    try {
      if (generation != null && (p.generation != generation || p.isTerminal())) {
        return;
      }
      p.revision++;
      int logs = p.logs.length();
      int outputs = p.output.size();
      boolean wasTerminal = p.isTerminal();
      mutation.run();
      boolean completed = !wasTerminal && p.isTerminal();
      if (p.output.size() != outputs) {
        announce(p, "output", completed);
      }
      if (p.logs.length() != logs) {
        announce(p, "logs", completed);
      }
      if (completed) {
        announce(p, "completed", true);
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void announce(StubPrediction p, String event, boolean always) {
    if (p.webhook == null || !p.webhookEvents.contains(event)) {
      return;
    }
    long now = System.nanoTime();
    if (event.equals("logs") || event.equals("output")) {
      long last = event.equals("logs") ? p.lastLogsWebhookNanos : p.lastOutputWebhookNanos;
      if (!always && now - last < WEBHOOK_GAP_NANOS) {
        return;
      }
      if (event.equals("logs")) {
        p.lastLogsWebhookNanos = now;
      } else {
        p.lastOutputWebhookNanos = now;
      }
    }
    webhooks.send(p.webhook, event, p.id, Json.write(p.toJson()));
  }

  private void later(Duration delay, Runnable step) {
    try {
      timer.schedule(() -> {
        try {
          step.run();
        } catch (RuntimeException e) {
          log.error("A scheduled step of the stub relay failed", e);
        }
      }, delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      log.debug("Stub relay closed; step not planned");
    }
  }

  private static double secondsSince(Instant start) {
    return start == null ? 0 : Duration.between(start, Instant.now()).toNanos() / 1e9;
  }

  /** Stops the clock and wakes waiting requests. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    timer.shutdownNow();
  }
}
