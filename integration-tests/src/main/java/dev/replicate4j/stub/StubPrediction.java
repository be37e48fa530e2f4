package dev.replicate4j.stub;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One prediction's state. Mutable: the timer, the HTTP threads and the test thread all have it
 * changed, but only through {@link Lifecycle}, which changes and reads it under its own lock. Its
 * fields are set once here before it is handed over.
 */
final class StubPrediction {
  static final Set<String> KNOWN_STATUSES =
      Set.of("starting", "processing", "succeeded", "failed", "canceled", "aborted");
  static final Set<String> TERMINAL = Set.of("succeeded", "failed", "canceled", "aborted");
  static final String UPSTREAM = "https://api.replicate.com/v1/predictions/";
  /** Where Replicate streams a prediction's output (server-sent events); the relay leaks it too. */
  static final String UPSTREAM_STREAM = "https://stream.replicate.com/v1/files/";

  final String id;
  final long sequence;
  final ModelSpec spec;
  final Map<String, Object> input;
  final OutputPlan plan;
  final Instant createdAt;
  final Instant deadline;
  final String webhook;
  final Set<String> webhookEvents;
  private final String fileBaseUrl;

  String status;
  Instant startedAt;
  Instant completedAt;
  final StringBuilder logs = new StringBuilder();
  final List<String> output = new ArrayList<>();
  String error;
  boolean dataRemoved;
  Outcome outcome;
  /** What it prints while processing. */
  LogShape logShape = LogShape.HONEST;
  /** Bumped when a test takes over the state: scheduled steps of an older generation do nothing. */
  int generation;
  /** Bumped by every change: the JSON written for one revision answers until the next. */
  long revision;
  /** The JSON last written for a poll, and the revision it shows. */
  private String written;
  private long writtenRevision = -1;
  long lastLogsWebhookNanos = Long.MIN_VALUE / 2;
  long lastOutputWebhookNanos = Long.MIN_VALUE / 2;

  StubPrediction(long sequence, ModelSpec spec, Map<String, Object> input, Outcome outcome,
      Instant createdAt, Duration cancelAfter, String webhook, Set<String> webhookEvents,
      String fileBaseUrl) {
    this.id = Texts.randomId(26);
    this.sequence = sequence;
    this.spec = spec;
    this.input = input;
    this.plan = OutputPlan.of(spec, input);
    this.outcome = outcome;
    this.createdAt = createdAt;
    this.deadline = cancelAfter == null ? null : createdAt.plus(cancelAfter);
    this.webhook = webhook;
    this.webhookEvents = webhookEvents;
    this.fileBaseUrl = fileBaseUrl;
    this.status = outcome.kind == Outcome.Kind.UNKNOWN_STATUS ? outcome.status : "starting";
  }

  boolean isTerminal() {
    return TERMINAL.contains(status);
  }

  long totalSteps() {
    Object value = spec.stepsField == null ? null : input.get(spec.stepsField);
    return value instanceof Long ? (Long) value : spec.defaultSteps;
  }

  /** Adds a file's URI to the output; true if it was not there yet. */
  boolean addOutput(OutputPlan.PlannedFile file) {
    String uri = fileBaseUrl + Route.FILES_PREFIX + id + "/" + file.name;
    if (output.contains(uri)) {
      return false;
    }
    output.add(uri);
    return true;
  }

  void complete(String terminalStatus, Instant now) {
    status = terminalStatus;
    completedAt = now;
  }

  /** The JSON written for the current revision, or null if there is none. */
  String written() {
    return writtenRevision == revision ? written : null;
  }

  /** Keeps {@code json}, written from a snapshot of {@code revision}, unless that has passed. */
  void keepWritten(long revision, String json) {
    if (revision == this.revision) {
      written = json;
      writtenRevision = revision;
    }
  }

  /** The prediction object with every field Replicate returns, in Replicate's order. */
  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("model", spec.model);
    json.put("version", spec.version);
    json.put("input", input);
    json.put("logs", logs.toString());
    json.put("output", outputJson());
    json.put("data_removed", dataRemoved);
    json.put("error", error);
    json.put("status", status);
    json.put("source", "api");
    json.put("created_at", Texts.timestamp(createdAt));
    json.put("started_at", Texts.timestamp(startedAt));
    json.put("completed_at", Texts.timestamp(completedAt));
    if (deadline != null) {
      json.put("deadline", Texts.timestamp(deadline));
    }
    json.put("metrics", metrics());
    Map<String, Object> urls = new LinkedHashMap<>();
    urls.put("get", UPSTREAM + id);
    urls.put("cancel", UPSTREAM + id + "/cancel");
    urls.put("web", "https://replicate.com/p/" + id);
    urls.put("stream", UPSTREAM_STREAM + id);
    json.put("urls", urls);
    return json;
  }

  private Object outputJson() {
    if (dataRemoved || output.isEmpty()) {
      return null;
    }
    return plan.single ? output.get(0) : new ArrayList<>(output);
  }

  private Map<String, Object> metrics() {
    Map<String, Object> metrics = new LinkedHashMap<>();
    if (completedAt != null) {
      if (startedAt != null) {
        metrics.put("predict_time", seconds(startedAt, completedAt));
      }
      metrics.put("total_time", seconds(createdAt, completedAt));
    }
    return metrics;
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / 1e9;
  }
}
