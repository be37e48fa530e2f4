package dev.replicate4j;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Sleeper} that records each requested delay and returns at once, so tests never wait. */
final class RecordingSleeper implements Sleeper {
  private final List<Duration> delays = new ArrayList<>();

  @Override
  public synchronized void sleep(Duration duration) {
    delays.add(duration);
  }

  /** The delays asked for so far, in milliseconds, in order. */
  synchronized List<Long> millis() {
    List<Long> millis = new ArrayList<>();
    for (Duration d : delays) {
      millis.add(d.toMillis());
    }
    return millis;
  }
}
