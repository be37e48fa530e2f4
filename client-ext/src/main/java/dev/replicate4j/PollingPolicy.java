package dev.replicate4j;

import java.time.Duration;
import java.util.Objects;

/**
 * How the client waits for a prediction: polling with a growing, jittered delay, under an overall
 * deadline that is always finite, optionally canceling the remote prediction when it passes, and
 * following the logs' progress bar. What is sent with the create (sync mode, {@code Cancel-After},
 * a webhook) is a {@link CreateOptions}. Immutable, with value equality.
 *
 * <p>The server's {@code Retry-After} (or a 429) overrides the computed delay for the next poll.
 */
public final class PollingPolicy {
  /**
   * Polls after 250 ms doubling to at most 2 s, 10% jitter,
   * following the logs' progress bar for up to 10 s, a 10 minute deadline, and the remote
   * prediction canceled when the deadline passes.
   */
  public static final PollingPolicy DEFAULT = builder().build();

  private final Duration initialDelay;
  private final double multiplier;
  private final Duration maxDelay;
  private final double jitter;
  private final Duration deadline;
  private final boolean cancelOnDeadline;
  private final Duration maxProgressDelay;

  private PollingPolicy(Builder b) {
    this.initialDelay = b.initialDelay;
    this.multiplier = b.multiplier;
    this.maxDelay = b.maxDelay;
    this.jitter = b.jitter;
    this.deadline = b.deadline;
    this.cancelOnDeadline = b.cancelOnDeadline;
    this.maxProgressDelay = b.maxProgressDelay;
  }

  /**
   * A builder with the defaults of {@link #DEFAULT}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this policy's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.initialDelay = initialDelay;
    b.multiplier = multiplier;
    b.maxDelay = maxDelay;
    b.jitter = jitter;
    b.deadline = deadline;
    b.cancelOnDeadline = cancelOnDeadline;
    b.maxProgressDelay = maxProgressDelay;
    return b;
  }

  /**
   * The delay before the first poll.
   *
   * @return the delay
   */
  public Duration initialDelay() {
    return initialDelay;
  }

  /**
   * The factor by which the delay grows after each poll.
   *
   * @return at least 1
   */
  public double multiplier() {
    return multiplier;
  }

  /**
   * The largest delay between polls.
   *
   * @return the cap
   */
  public Duration maxDelay() {
    return maxDelay;
  }

  /**
   * The fraction by which each delay is randomly shortened.
   *
   * @return between 0 and 1
   */
  public double jitter() {
    return jitter;
  }

  /**
   * The longest the whole wait may take, sync mode included.
   *
   * @return a positive duration
   */
  public Duration deadline() {
    return deadline;
  }

  /**
   * Whether passing the deadline also cancels the remote prediction (nobody will read its result).
   *
   * @return true to cancel remotely
   */
  public boolean cancelOnDeadline() {
    return cancelOnDeadline;
  }

  /**
   * The longest the next poll may be put off to when the logs' progress bar says how long the rest
   * will take; zero means progress is ignored.
   *
   * @return the cap
   */
  public Duration maxProgressDelay() {
    return maxProgressDelay;
  }

  /**
   * The delay before poll number {@code poll} (0 for the first), before jitter.
   *
   * @param poll the poll number, from 0
   * @return the delay
   */
  Duration delayBefore(int poll) {
    double millis = initialDelay.toMillis() * Math.pow(multiplier, poll);
    return Duration.ofMillis((long) Math.min(millis, maxDelay.toMillis()));
  }

  Duration jittered(Duration delay, double random) {
    return Durations.jittered(delay, jitter, random);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PollingPolicy other && initialDelay.equals(other.initialDelay)
        && Double.compare(multiplier, other.multiplier) == 0 && maxDelay.equals(other.maxDelay)
        && Double.compare(jitter, other.jitter) == 0 && deadline.equals(other.deadline)
        && cancelOnDeadline == other.cancelOnDeadline
        && maxProgressDelay.equals(other.maxProgressDelay);
  }

  @Override
  public int hashCode() {
    return Objects.hash(initialDelay, multiplier, maxDelay, jitter, deadline, cancelOnDeadline,
        maxProgressDelay);
  }

  @Override
  public String toString() {
    return "PollingPolicy{initialDelay=" + initialDelay + ", multiplier=" + multiplier
        + ", maxDelay=" + maxDelay + ", jitter=" + jitter + ", deadline=" + deadline
        + ", cancelOnDeadline=" + cancelOnDeadline + ", maxProgressDelay=" + maxProgressDelay
        + "}";
  }

  /** Builds a {@link PollingPolicy}. */
  public static final class Builder {
    private Duration initialDelay = Duration.ofMillis(250);
    private double multiplier = 2;
    private Duration maxDelay = Duration.ofSeconds(2);
    private double jitter = 0.1;
    private Duration deadline = Duration.ofMinutes(10);
    private boolean cancelOnDeadline = true;
    private Duration maxProgressDelay = Duration.ofSeconds(10);

    private Builder() {}

    /**
     * The delay before the first poll (default 250 ms).
     *
     * @param initialDelay zero or more
     * @return this builder
     */
    public Builder initialDelay(Duration initialDelay) {
      this.initialDelay = Durations.notNegative("initialDelay", initialDelay);
      return this;
    }

    /**
     * The growth factor of the delay (default 2; 1 for a fixed interval).
     *
     * @param multiplier 1 to 10
     * @return this builder
     */
    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1 && multiplier <= 10)) {
        throw new IllegalArgumentException("multiplier must be in 1..10, was " + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    /**
     * The largest delay between polls (default 2 s).
     *
     * @param maxDelay a positive duration
     * @return this builder
     */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = Durations.positive("maxDelay", maxDelay);
      return this;
    }

    /**
     * The fraction by which each delay is randomly shortened (default 0.1; 0 for exact delays).
     *
     * @param jitter 0 to 1
     * @return this builder
     */
    public Builder jitter(double jitter) {
      this.jitter = Durations.jitter(jitter);
      return this;
    }

    /**
     * The longest the whole wait may take (default 10 minutes). Always finite.
     *
     * @param deadline a positive duration
     * @return this builder
     */
    public Builder deadline(Duration deadline) {
      this.deadline = Durations.positive("deadline", deadline);
      return this;
    }

    /**
     * Whether passing the deadline also cancels the remote prediction (default true).
     *
     * @param cancelOnDeadline true to cancel remotely
     * @return this builder
     */
    public Builder cancelOnDeadline(boolean cancelOnDeadline) {
      this.cancelOnDeadline = cancelOnDeadline;
      return this;
    }

    /**
     * When the logs show a tqdm progress bar with the time it expects the rest to take, the next
     * poll waits until just after that, up to this long (default 10 s), instead of polling on the
     * growing schedule; afterwards the schedule starts again from the initial delay. An end sooner
     * than the next scheduled poll brings that poll forward (never closer than the initial delay).
     * The bar's line is dated from the prediction's start when this client created it, not from
     * the poll that saw it. Fewer requests and a prompt result for long jobs. Zero turns it off.
     *
     * @param maxProgressDelay zero or more
     * @return this builder
     */
    public Builder maxProgressDelay(Duration maxProgressDelay) {
      this.maxProgressDelay = Durations.notNegative("maxProgressDelay", maxProgressDelay);
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     */
    public PollingPolicy build() {
      Durations.notShorter("maxDelay", maxDelay, "initialDelay", initialDelay);
      return new PollingPolicy(this);
    }
  }
}
