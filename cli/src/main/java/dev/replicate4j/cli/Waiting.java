package dev.replicate4j.cli;

import dev.replicate4j.Prediction;
import dev.replicate4j.PredictionHandle;
import dev.replicate4j.PredictionTimeoutException;
import dev.replicate4j.ReplicateClient;
import dev.replicate4j.ReplicateException;
import dev.replicate4j.models.FileOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a prediction on behalf of {@code run} and {@code wait}: progress on stderr, then the
 * outputs saved and reported on stdout (or the prediction as JSON).
 *
 * <p>Ctrl-C stops the local wait only: the JVM's shutdown hook interrupts the waiting thread and
 * gives it a moment to say how to resume (and to cancel, if asked), the same path a test takes by
 * interrupting the thread.
 */
final class Waiting {
  private static final long INTERRUPT_GRACE_SECONDS = 5;

  private final ReplicateClient client;
  private final Connection.Session session;
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean terminal;
  private final WaitOptions options;

  Waiting(Connection.Session session, PrintWriter out, PrintWriter err, boolean terminal,
      WaitOptions options) {
    this.client = session.client();
    this.session = session;
    this.out = out;
    this.err = err;
    this.terminal = terminal;
    this.options = options;
  }

  <O> int await(PredictionHandle<O> handle) throws IOException {
    ConsoleProgress progress = new ConsoleProgress(err, terminal);
    // A resumed handle has seen nothing yet: one read shows where the prediction stands.
    progress.onStatusChange(handle.latest().orElseGet(handle::refresh), null);
    handle.addListener(progress);
    Prediction done;
    CountDownLatch handled = new CountDownLatch(1);
    Thread hook = onCtrlC(Thread.currentThread(), handled);
    try {
      done = options.timeout == null ? handle.await() : handle.await(options.timeout);
    } catch (PredictionTimeoutException e) {
      progress.finish();
      err.println("Stopped waiting after " + describe(options.timeout) + "; prediction "
          + handle.id() + " is still running. " + session.resumeHint(handle.id()));
      printJsonIfAsked(handle.latest().orElseThrow());
      return ExitCodes.TIMEOUT;
    } catch (ReplicateException e) {
      if (!(e.getCause() instanceof InterruptedException) && !Thread.currentThread().isInterrupted()) {
        throw e;
      }
      progress.finish();
      return interrupted(handle);
    } finally {
      progress.finish();
      handled.countDown();
      removeHook(hook);
    }
    printJsonIfAsked(done);
    // Terminal already: returns the typed output, or throws for failed, canceled or aborted.
    O output = handle.output();
    report(done, output, options.outputDir != null ? options.outputDir
        : Path.of("outputs", handle.id()));
    return ExitCodes.OK;
  }

  private int interrupted(PredictionHandle<?> handle) {
    // The flag was kept for us; clear it so cancelling and closing the client can do their I/O.
    Thread.interrupted();
    if (options.cancelOnInterrupt) {
      Prediction canceled = client.cancel(handle.id());
      err.println("Interrupted: canceled prediction " + handle.id() + " (status "
          + canceled.rawStatus().orElse("no status") + ")");
    } else {
      err.println("Interrupted: stopped waiting; prediction " + handle.id()
          + " keeps running. " + session.resumeHint(handle.id()));
    }
    err.flush();
    return ExitCodes.INTERRUPTED;
  }

  private void report(Prediction done, Object output, Path folder) throws IOException {
    List<FileOutput> files = OutputFiles.of(output);
    PrintWriter lines = options.json ? err : out;
    if (files.isEmpty()) {
      if (!options.json) {
        lines.println("Output: " + Json.write(done.output()));
      }
    } else {
      for (Path path : OutputFiles.save(files, folder)) {
        lines.println("Saved " + path.toAbsolutePath());
      }
    }
    lines.flush();
  }

  private void printJsonIfAsked(Prediction latest) {
    if (options.json) {
      out.println(Json.write(latest.json()));
      out.flush();
    }
  }

  private static Thread onCtrlC(Thread waiting, CountDownLatch handled) {
    Thread hook = new Thread(() -> {
      waiting.interrupt();
      try {
        handled.await(INTERRUPT_GRACE_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "replicate4j-ctrl-c");
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down (Ctrl-C): the hook is running, nothing to remove.
    }
  }

  private static String describe(Duration duration) {
    return duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
  }
}
