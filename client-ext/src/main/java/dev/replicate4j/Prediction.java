package dev.replicate4j;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable snapshot of a prediction as the server last described it.
 *
 * <p>Wraps the generated model ({@link #raw()}) and the JSON it came from ({@link #json()}), so
 * fields this SDK does not know, and statuses it does not know, are never lost.
 */
public final class Prediction {
  private final dev.replicate4j.generated.model.Prediction raw;
  private final Map<String, Object> json;

  private Prediction(dev.replicate4j.generated.model.Prediction raw, Map<String, Object> json) {
    this.raw = raw;
    this.json = json;
  }

  static Prediction of(dev.replicate4j.generated.model.Prediction raw) {
    Objects.requireNonNull(raw, "raw");
    Map<String, Object> json =
        raw instanceof JsonCodec.CapturedPrediction
            ? ((JsonCodec.CapturedPrediction) raw).json
            : JsonCodec.MAP.fromJsonValue(JsonCodec.MOSHI
                .adapter(dev.replicate4j.generated.model.Prediction.class).toJsonValue(raw));
    return new Prediction(raw, Collections.unmodifiableMap(new LinkedHashMap<>(json)));
  }

  /**
   * Parses a prediction from JSON, for example a webhook body.
   *
   * @param json a prediction object
   * @return the prediction
   * @throws ReplicateException if the text is not a prediction object
   */
  public static Prediction parse(String json) {
    try {
      dev.replicate4j.generated.model.Prediction raw =
          JsonCodec.MOSHI.adapter(dev.replicate4j.generated.model.Prediction.class).fromJson(json);
      if (raw == null) {
        throw new ReplicateException("Expected a prediction object but the JSON was null");
      }
      return of(raw);
    } catch (IOException | RuntimeException e) {
      if (e instanceof ReplicateException) {
        throw (ReplicateException) e;
      }
      throw new ReplicateException("Not a prediction object: " + e.getMessage(), e);
    }
  }

  /**
   * The prediction's id.
   *
   * @return the id
   */
  public String id() {
    return raw.getId();
  }

  /**
   * The model, as {@code owner/name}.
   *
   * @return the model, or null if the server did not say
   */
  public String model() {
    return raw.getModel();
  }

  /**
   * The version id, or {@code hidden} for official models.
   *
   * @return the version, or null if the server did not say
   */
  public String version() {
    return raw.getVersion();
  }

  /**
   * The status; {@link PredictionStatus#UNKNOWN} for one this SDK does not know.
   *
   * @return the status
   */
  public PredictionStatus status() {
    return PredictionStatus.fromWire(rawStatus());
  }

  /**
   * The status exactly as the server sent it.
   *
   * @return the status text, or null if absent
   */
  public String rawStatus() {
    Object status = json.get("status");
    return status == null ? null : String.valueOf(status);
  }

  /**
   * The input as the server echoes it.
   *
   * @return the input, possibly empty
   */
  public Map<String, Object> input() {
    Map<String, Object> input = raw.getInput();
    return input == null ? Map.of() : Collections.unmodifiableMap(input);
  }

  /**
   * The output as JSON: a list, a string, a map, or null until there is one.
   *
   * @return the raw output
   */
  public Object output() {
    return raw.getOutput();
  }

  /**
   * The output's file URIs: the elements of an array output, or the one URI of a string output.
   *
   * @return the URIs, empty when there is no output yet
   * @throws ReplicateException if the output is neither a string nor an array of strings
   */
  public List<String> outputUris() {
    Object output = raw.getOutput();
    if (output == null) {
      return List.of();
    }
    if (output instanceof String) {
      return List.of((String) output);
    }
    if (output instanceof List) {
      List<String> uris = new ArrayList<>();
      for (Object element : (List<?>) output) {
        if (!(element instanceof String)) {
          throw new ReplicateException(
              "Prediction " + id() + ": output element is not a URI string: " + element);
        }
        uris.add((String) element);
      }
      return Collections.unmodifiableList(uris);
    }
    throw new ReplicateException(
        "Prediction " + id() + ": output is neither a URI nor a list of URIs: " + output);
  }

  /**
   * The one output URI of a model whose output is a single file.
   *
   * @return the URI, or empty when there is no output yet
   * @throws ReplicateException if the output holds several files or is not a URI
   */
  public Optional<String> outputUri() {
    List<String> uris = outputUris();
    if (uris.size() > 1) {
      throw new ReplicateException(
          "Prediction " + id() + ": expected one output file but got " + uris.size());
    }
    return uris.stream().findFirst();
  }

  /**
   * The logs so far.
   *
   * @return the logs, empty if none
   */
  public String logs() {
    String logs = raw.getLogs();
    return logs == null ? "" : logs;
  }

  /**
   * The error message of a failed prediction.
   *
   * @return the error, or empty
   */
  public Optional<String> error() {
    return Optional.ofNullable(raw.getError());
  }

  /**
   * Whether the server deleted the inputs and outputs (about an hour after completion).
   *
   * @return true once the data was removed
   */
  public boolean dataRemoved() {
    return Boolean.TRUE.equals(raw.getDataRemoved());
  }

  /**
   * Seconds the model spent running.
   *
   * @return {@code metrics.predict_time}, or empty
   */
  public Optional<Double> predictTime() {
    return raw.getMetrics() == null ? Optional.empty()
        : Optional.ofNullable(raw.getMetrics().getPredictTime());
  }

  /**
   * Every metric the server reported, including ones this SDK does not name.
   *
   * @return the metrics, possibly empty
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> metrics() {
    Object metrics = json.get("metrics");
    return metrics instanceof Map ? Collections.unmodifiableMap((Map<String, Object>) metrics)
        : Map.of();
  }

  /**
   * When the prediction was created.
   *
   * @return the time, or empty if absent
   */
  public Optional<Instant> createdAt() {
    return instant("created_at", raw.getCreatedAt());
  }

  /**
   * When the model started running.
   *
   * @return the time, or empty
   */
  public Optional<Instant> startedAt() {
    return instant("started_at", raw.getStartedAt());
  }

  /**
   * When the prediction finished.
   *
   * @return the time, or empty
   */
  public Optional<Instant> completedAt() {
    return instant("completed_at", raw.getCompletedAt());
  }

  /**
   * When the server cancels the prediction if it has not finished.
   *
   * @return the time, or empty
   */
  public Optional<Instant> deadline() {
    return instant("deadline", raw.getDeadline());
  }

  /**
   * The generated model this view wraps. Mutable: do not change it.
   *
   * @return the generated prediction
   */
  public dev.replicate4j.generated.model.Prediction raw() {
    return raw;
  }

  /**
   * The prediction's JSON as received, with every field, known or not.
   *
   * @return the JSON object as an unmodifiable map
   */
  public Map<String, Object> json() {
    return json;
  }

  private Optional<Instant> instant(String field, String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      throw new ReplicateException(
          "Prediction " + id() + ": " + field + " is not an RFC 3339 date-time: " + text, e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Prediction && json.equals(((Prediction) o).json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return "Prediction{id=" + id() + ", model=" + model() + ", status=" + rawStatus()
        + (error().isPresent() ? ", error=" + error().get() : "") + "}";
  }
}
