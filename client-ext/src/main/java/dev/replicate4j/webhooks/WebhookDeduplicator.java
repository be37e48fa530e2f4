package dev.replicate4j.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Remembers which webhook ids were already delivered, so a retry of a delivery that was in fact
 * received (the sender saw a timeout, say) is processed once. Retries reuse the {@code webhook-id}.
 *
 * <p>Memory is bounded twice: an id is forgotten {@link Builder#ttl ttl} after it was first seen,
 * and when more than {@link Builder#maxEntries maxEntries} ids are remembered, the oldest is
 * forgotten. Choose a ttl at least as long as the sender's retry window and enough entries for the
 * deliveries of that window. Thread-safe.
 *
 * <p>The memory is local to one process. A receiver running several instances needs a shared
 * record instead, for example a unique key on the webhook id in its database; the pattern is the
 * same. Use it after {@link WebhookVerifier} (only authentic ids are worth remembering):
 *
 * <pre>{@code
 * VerifiedWebhook webhook = verifier.verify(headers, body);   // rejected: answer 400
 * if (!deduplicator.firstDelivery(webhook.id())) {
 *   return 200;                                              // a retry of one already accepted
 * }
 * try {
 *   executor.execute(() -> handle(webhook.prediction()));    // work off the request thread
 * } catch (RejectedExecutionException e) {
 *   deduplicator.forget(webhook.id());                       // let the sender's retry through
 *   return 503;
 * }
 * return 200;                                                // answer quickly
 * }</pre>
 */
public final class WebhookDeduplicator {
  /** The default {@link Builder#maxEntries}: 10,000 ids. */
  public static final int DEFAULT_MAX_ENTRIES = 10_000;
  /** The default {@link Builder#ttl}: 24 hours. */
  public static final Duration DEFAULT_TTL = Duration.ofHours(24);

  private final int maxEntries;
  private final Duration ttl;
  private final Clock clock;
  /** Id to when it was first seen, oldest first. Guarded by {@code this}. */
  private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

  private WebhookDeduplicator(Builder builder) {
    this.maxEntries = builder.maxEntries;
    this.ttl = builder.ttl;
    this.clock = builder.clock;
  }

  /**
   * Starts a deduplicator with the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Records a delivery and says whether it is the first with this id. Atomic: of several threads
   * passing the same id at once, exactly one gets true.
   *
   * @param webhookId the {@code webhook-id}, normally {@link VerifiedWebhook#id()}
   * @return true the first time an id is seen (or once it was forgotten), false for a repeat
   * @throws IllegalArgumentException if the id is empty
   */
  public synchronized boolean firstDelivery(String webhookId) {
    Objects.requireNonNull(webhookId, "webhookId");
    if (webhookId.isEmpty()) {
      throw new IllegalArgumentException("webhookId is empty");
    }
    Instant now = clock.instant();
    forgetExpired(now);
    Instant firstSeen = seen.get(webhookId);
    if (firstSeen != null && !expired(firstSeen, now)) {
      return false;
    }
    seen.remove(webhookId); // an expired id goes to the back, in first-seen order
    seen.put(webhookId, now);
    if (seen.size() > maxEntries) {
      Iterator<String> oldest = seen.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    return true;
  }

  /**
   * Forgets an id, so its next delivery counts as the first. Call it when a delivery could not be
   * handed over for processing, before answering with an error so that the sender retries.
   *
   * @param webhookId the {@code webhook-id}
   */
  public synchronized void forget(String webhookId) {
    seen.remove(Objects.requireNonNull(webhookId, "webhookId"));
  }

  /** How many ids are remembered now, expired ones not yet dropped included. */
  synchronized int size() {
    return seen.size();
  }

  private void forgetExpired(Instant now) {
    // Oldest first, so stop at the first live entry. A clock that stepped back may leave an
    // expired entry behind a live one; the lookup checks expiry itself, and the bound drops it.
    Iterator<Map.Entry<String, Instant>> entries = seen.entrySet().iterator();
    while (entries.hasNext() && expired(entries.next().getValue(), now)) {
      entries.remove();
    }
  }

  private boolean expired(Instant firstSeen, Instant now) {
    return Duration.between(firstSeen, now).compareTo(ttl) >= 0;
  }

  @Override
  public String toString() {
    return "WebhookDeduplicator{maxEntries=" + maxEntries + ", ttl=" + ttl + "}";
  }

  /** Configures a {@link WebhookDeduplicator}. */
  public static final class Builder {
    private int maxEntries = DEFAULT_MAX_ENTRIES;
    private Duration ttl = DEFAULT_TTL;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * The most ids remembered at once; beyond it the oldest is forgotten early. Default
     * {@link WebhookDeduplicator#DEFAULT_MAX_ENTRIES}.
     *
     * @param maxEntries at least 1
     * @return this builder
     * @throws IllegalArgumentException if less than 1
     */
    public Builder maxEntries(int maxEntries) {
      if (maxEntries < 1) {
        throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
      }
      this.maxEntries = maxEntries;
      return this;
    }

    /**
     * How long an id is remembered after its first delivery; a repeat at exactly the ttl counts as
     * a first delivery again. Default {@link WebhookDeduplicator#DEFAULT_TTL}.
     *
     * @param ttl a positive duration
     * @return this builder
     * @throws IllegalArgumentException if zero or negative
     */
    public Builder ttl(Duration ttl) {
      this.ttl = WebhookVerifier.positive("ttl", ttl);
      return this;
    }

    /**
     * The clock ids are timed with. Default: the system clock.
     *
     * @param clock the clock, for example a controllable one in tests
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the deduplicator, empty.
     *
     * @return a new deduplicator
     */
    public WebhookDeduplicator build() {
      return new WebhookDeduplicator(this);
    }
  }
}
