package dev.replicate4j;

import java.time.Duration;
import java.util.Objects;

/**
 * How the client retries a failed request: capped, jittered exponential backoff, a bounded number of
 * attempts, and the server's {@code Retry-After} honoured up to a cap.
 *
 * <p>Immutable, with value equality.
 *
 * <p>What is retried: GET (and cancel) on 408, 429, 5xx and I/O errors; a create only on 429 and on
 * connection failures before the request was written, so a prediction is never created twice.
 */
public final class RetryPolicy {
  /** Four attempts, 0.5 s doubling to at most 8 s, 20% jitter, Retry-After honoured up to 60 s. */
  public static final RetryPolicy DEFAULT = builder().build();

  /** No retries: every failure surfaces at once. */
  public static final RetryPolicy NONE = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final double jitter;
  private final Duration maxRetryAfter;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.jitter = b.jitter;
    this.maxRetryAfter = b.maxRetryAfter;
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
    return new Builder().maxAttempts(maxAttempts).initialBackoff(initialBackoff)
        .maxBackoff(maxBackoff).jitter(jitter).maxRetryAfter(maxRetryAfter);
  }

  /**
   * Attempts in all, the first included.
   *
   * @return at least 1
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * The delay before the first retry, before jitter.
   *
   * @return the delay
   */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /**
   * The largest delay between attempts, before jitter.
   *
   * @return the cap
   */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /**
   * The fraction by which each delay is randomly shortened, to spread out clients that failed together.
   *
   * @return between 0 and 1
   */
  public double jitter() {
    return jitter;
  }

  /**
   * The longest server-requested wait ({@code Retry-After} header or {@code retry_after} body
   * member) the client honours, in its retries and between a wait's polls alike; longer requests
   * are clamped to this.
   *
   * @return the cap
   */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /**
   * A server-requested delay clamped to {@link #maxRetryAfter()}: the one place the cap is applied.
   *
   * @param asked what the server asked for
   * @return the delay to honour
   */
  Duration capped(Duration asked) {
    return asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked;
  }

  /**
   * Whether an answer with this status is worth another attempt.
   *
   * @param code the HTTP status
   * @param repeatable whether the request may be sent twice (everything but a create)
   * @return true for 429, and for 408 and 5xx when repeatable
   */
  static boolean retriesStatus(int code, boolean repeatable) {
    return code == 429 || (repeatable && (code == 408 || code >= 500));
  }

  /**
   * The backoff before retry number {@code retry} (1 for the first retry), before jitter.
   *
   * @param retry the retry number, from 1
   * @return the delay
   */
  Duration backoff(int retry) {
    long millis = initialBackoff.toMillis();
    for (int i = 1; i < retry && millis < maxBackoff.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
  }

  /**
   * Applies jitter to a delay.
   *
   * @param delay the delay
   * @param random a uniform sample in [0, 1)
   * @return the shortened delay
   */
  Duration jittered(Duration delay, double random) {
    return Durations.jittered(delay, jitter, random);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetryPolicy other && maxAttempts == other.maxAttempts
        && initialBackoff.equals(other.initialBackoff) && maxBackoff.equals(other.maxBackoff)
        && Double.compare(jitter, other.jitter) == 0
        && maxRetryAfter.equals(other.maxRetryAfter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, initialBackoff, maxBackoff, jitter, maxRetryAfter);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
        + ", maxBackoff=" + maxBackoff + ", jitter=" + jitter + ", maxRetryAfter=" + maxRetryAfter
        + "}";
  }

  /** Builds a {@link RetryPolicy}. */
  public static final class Builder {
    private int maxAttempts = 4;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(8);
    private double jitter = 0.2;
    private Duration maxRetryAfter = Duration.ofSeconds(60);

    private Builder() {}

    /**
     * Attempts in all, the first included (default 4).
     *
     * @param maxAttempts 1 to 20
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > 20) {
        throw new IllegalArgumentException("maxAttempts must be in 1..20, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * The delay before the first retry (default 500 ms); it doubles each retry.
     *
     * @param initialBackoff a positive duration
     * @return this builder
     */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = Durations.positive("initialBackoff", initialBackoff);
      return this;
    }

    /**
     * The largest delay between attempts (default 8 s).
     *
     * @param maxBackoff a positive duration
     * @return this builder
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = Durations.positive("maxBackoff", maxBackoff);
      return this;
    }

    /**
     * The fraction by which each delay is randomly shortened (default 0.2; 0 for exact delays).
     *
     * @param jitter 0 to 1
     * @return this builder
     */
    public Builder jitter(double jitter) {
      this.jitter = Durations.jitter(jitter);
      return this;
    }

    /**
     * The longest server-requested wait honoured (default 60 s).
     *
     * @param maxRetryAfter a positive duration
     * @return this builder
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = Durations.positive("maxRetryAfter", maxRetryAfter);
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     */
    public RetryPolicy build() {
      Durations.notShorter("maxBackoff", maxBackoff, "initialBackoff", initialBackoff);
      return new RetryPolicy(this);
    }
  }
}
