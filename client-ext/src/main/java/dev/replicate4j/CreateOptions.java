package dev.replicate4j;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Everything sent with a create besides the input: a webhook and its events, a server-side
 * deadline ({@code Cancel-After}) and sync mode ({@code Prefer: wait=N}). How the client then
 * waits is a {@link PollingPolicy}. Immutable, with value equality.
 */
public final class CreateOptions {
  /** No webhook, no deadline, no waiting. */
  public static final CreateOptions NONE = builder().build();
  /**
   * Sync mode for up to 60 s and nothing else: what runs send unless the client or the call says
   * otherwise ({@link ReplicateClientBuilder#runOptions(CreateOptions)}).
   */
  public static final CreateOptions SYNC = builder().preferWaitSeconds(60).build();

  private final String webhook;
  private final Set<WebhookEventType> webhookEvents;
  private final Duration cancelAfter;
  private final Integer preferWaitSeconds;

  private CreateOptions(Builder b) {
    this.webhook = b.webhook;
    this.webhookEvents = b.webhookEvents == null ? null
        : Collections.unmodifiableSet(EnumSet.copyOf(b.webhookEvents));
    this.cancelAfter = b.cancelAfter;
    this.preferWaitSeconds = b.preferWaitSeconds;
  }

  /**
   * A builder with nothing set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding these options.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.webhook = webhook;
    b.webhookEvents = webhookEvents;
    b.cancelAfter = cancelAfter;
    b.preferWaitSeconds = preferWaitSeconds;
    return b;
  }

  /**
   * The webhook URL.
   *
   * @return the URL, or empty
   */
  public Optional<String> webhook() {
    return Optional.ofNullable(webhook);
  }

  /**
   * The events the webhook is sent for; empty means the server's default (all).
   *
   * @return the events, or empty
   */
  public Optional<Set<WebhookEventType>> webhookEvents() {
    return Optional.ofNullable(webhookEvents);
  }

  /**
   * The server-side deadline, counted from creation.
   *
   * @return the duration, or empty
   */
  public Optional<Duration> cancelAfter() {
    return Optional.ofNullable(cancelAfter);
  }

  /**
   * How long the server may hold the create response for the prediction to finish.
   *
   * @return seconds in 1..60, or empty for no {@code Prefer} header
   */
  public Optional<Integer> preferWaitSeconds() {
    return Optional.ofNullable(preferWaitSeconds);
  }

  String preferHeader() {
    return preferWaitSeconds == null ? null : "wait=" + preferWaitSeconds;
  }

  String cancelAfterHeader() {
    return cancelAfter == null ? null : formatDuration(cancelAfter);
  }

  /** Formats as the API's duration syntax, e.g. {@code 1h30m5s}. */
  static String formatDuration(Duration d) {
    long seconds = d.getSeconds();
    StringBuilder text = new StringBuilder();
    if (seconds >= 3600) {
      text.append(seconds / 3600).append('h');
    }
    if (seconds % 3600 >= 60) {
      text.append(seconds % 3600 / 60).append('m');
    }
    if (seconds % 60 > 0 || text.length() == 0) {
      text.append(seconds % 60).append('s');
    }
    return text.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CreateOptions other && Objects.equals(webhook, other.webhook)
        && Objects.equals(webhookEvents, other.webhookEvents)
        && Objects.equals(cancelAfter, other.cancelAfter)
        && Objects.equals(preferWaitSeconds, other.preferWaitSeconds);
  }

  @Override
  public int hashCode() {
    return Objects.hash(webhook, webhookEvents, cancelAfter, preferWaitSeconds);
  }

  @Override
  public String toString() {
    return "CreateOptions{webhook=" + webhook + ", webhookEvents=" + webhookEvents
        + ", cancelAfter=" + cancelAfter + ", preferWaitSeconds=" + preferWaitSeconds + "}";
  }

  /** {@code Cancel-After}: null, or whole seconds, at least 5. */
  static Duration checkedCancelAfter(Duration cancelAfter) {
    if (cancelAfter != null && (cancelAfter.getSeconds() < 5 || cancelAfter.getNano() != 0)) {
      throw new IllegalArgumentException(
          "cancelAfter must be whole seconds and at least 5 seconds, was " + cancelAfter);
    }
    return cancelAfter;
  }

  /** {@code Prefer: wait=N}: null, or 1 to 60. */
  static Integer checkedPreferWaitSeconds(Integer seconds) {
    if (seconds != null && (seconds < 1 || seconds > 60)) {
      throw new IllegalArgumentException("preferWaitSeconds must be in 1..60, was " + seconds);
    }
    return seconds;
  }

  /** Builds {@link CreateOptions}. */
  public static final class Builder {
    private String webhook;
    private Set<WebhookEventType> webhookEvents;
    private Duration cancelAfter;
    private Integer preferWaitSeconds;

    private Builder() {}

    /**
     * A URL the server POSTs the prediction to on the chosen events. Must be https; plain http is
     * accepted only for a loopback host (local testing).
     *
     * @param url the receiver's URL, or null for none
     * @return this builder
     * @throws IllegalArgumentException if the URL is malformed or not https
     */
    public Builder webhook(String url) {
      if (url == null) {
        this.webhook = null;
        return this;
      }
      HttpUrl parsed = HttpUrl.parse(url);
      if (parsed == null) {
        throw new IllegalArgumentException("webhook is not a valid http(s) URL: " + url);
      }
      if (!parsed.isHttps() && !Hosts.isLoopback(parsed.host())) {
        throw new IllegalArgumentException(
            "webhook must be an https URL (plain http only for loopback hosts): " + url);
      }
      this.webhook = url;
      return this;
    }

    /**
     * The events to send the webhook for (default: all).
     *
     * @param events at least one event
     * @return this builder
     */
    public Builder webhookEvents(Set<WebhookEventType> events) {
      Objects.requireNonNull(events, "events");
      if (events.isEmpty()) {
        throw new IllegalArgumentException(
            "webhookEvents must name at least one event; leave it unset for all events");
      }
      this.webhookEvents = EnumSet.copyOf(events);
      return this;
    }

    /**
     * A server-side deadline: the server cancels the prediction if it has not finished this long
     * after creation ({@code Cancel-After}).
     *
     * @param cancelAfter at least 5 seconds, whole seconds; null for none
     * @return this builder
     */
    public Builder cancelAfter(Duration cancelAfter) {
      this.cancelAfter = checkedCancelAfter(cancelAfter);
      return this;
    }

    /**
     * Sync mode: ask the server to hold the create response until the prediction finishes or this
     * many seconds pass ({@code Prefer: wait=N}).
     *
     * @param seconds 1 to 60; null for no header
     * @return this builder
     */
    public Builder preferWaitSeconds(Integer seconds) {
      this.preferWaitSeconds = checkedPreferWaitSeconds(seconds);
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public CreateOptions build() {
      return new CreateOptions(this);
    }
  }
}
