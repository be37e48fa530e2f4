package dev.replicate4j;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable snapshot of a prediction as the server last described it.
 *
 * <p>Holds the JSON as received ({@link #json()}), so fields and statuses this SDK does not know are
 * never lost; the accessors read it directly, each checking the type of its field. The generated
 * wire model is bound from the same JSON only inside the SDK, on demand: a poll does not pay for
 * binding fields nobody looks at.
 */
public final class Prediction {
  private final Map<String, Object> json;
  /** The generated model, read from {@link #json} the first time someone asks for it. */
  private volatile dev.replicate4j.generated.model.WirePrediction raw;

  private Prediction(Map<String, Object> json) {
    this.json = json;
  }

  /**
   * Wraps a prediction's JSON tree, which the caller hands over and no longer touches. Only the
   * fields every caller relies on are checked here; the others are checked when read.
   *
   * @throws ReplicateException if {@code id} or {@code status} is there but not a string
   */
  static Prediction fromJson(Map<String, Object> tree) {
    Objects.requireNonNull(tree, "tree");
    Prediction prediction = new Prediction(Collections.unmodifiableMap(tree));
    prediction.text("id");
    prediction.text("status");
    return prediction;
  }

  /**
   * Parses a prediction from JSON, for example a webhook body, and checks every field it has
   * against the generated model.
   *
   * @param json a prediction object
   * @return the prediction
   * @throws ReplicateException if the text is not a prediction object or a field has the wrong type
   */
  public static Prediction parse(String json) {
    Map<String, Object> tree;
    try {
      tree = JsonCodec.MAP.fromJson(json);
    } catch (IOException | RuntimeException e) {
      throw new ReplicateException("Not a prediction object: " + e.getMessage(), e);
    }
    if (tree == null) {
      throw new ReplicateException("Expected a prediction object but the JSON was null");
    }
    Prediction prediction = fromJson(tree);
    prediction.raw();
    return prediction;
  }

  /**
   * The prediction's id.
   *
   * @return the id
   */
  public String id() {
    return text("id");
  }

  /**
   * The model, as {@code owner/name}.
   *
   * @return the model, or empty if the server did not say
   */
  public Optional<String> model() {
    return Optional.ofNullable(text("model"));
  }

  /**
   * The version id, or {@code hidden} for official models.
   *
   * @return the version, or empty if the server did not say
   */
  public Optional<String> version() {
    return Optional.ofNullable(text("version"));
  }

  /**
   * The status; {@link PredictionStatus#UNKNOWN} for one this SDK does not know.
   *
   * @return the status
   */
  public PredictionStatus status() {
    return PredictionStatus.fromWire(text("status"));
  }

  /**
   * The status exactly as the server sent it.
   *
   * @return the status text, or empty if the server sent none
   */
  public Optional<String> rawStatus() {
    return Optional.ofNullable(text("status"));
  }

  /** The status text for messages: as sent, or {@code unknown} when none was. */
  String shownStatus() {
    return rawStatus().orElse("unknown");
  }

  /**
   * The input as the server echoes it.
   *
   * @return the input, possibly empty
   */
  public Map<String, Object> input() {
    return object("input");
  }

  /**
   * The output as JSON: a list, a string, a map, or null until there is one.
   *
   * @return the raw output
   */
  public Object output() {
    return json.get("output");
  }

  /**
   * The output's file URIs: the elements of an array output, or the one URI of a string output.
   *
   * @return the URIs, empty when there is no output yet
   * @throws ReplicateException if the output is neither a string nor an array of strings
   */
  public List<String> outputUris() {
    Object output = output();
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
          throw new ReplicateException("Prediction " + shownId()
              + ": output element is not a URI string: " + MessageText.shown(element));
        }
        uris.add((String) element);
      }
      return Collections.unmodifiableList(uris);
    }
    throw new ReplicateException("Prediction " + shownId()
        + ": output is neither a URI nor a list of URIs: " + MessageText.shown(output));
  }

  /**
   * The first output URI: the one file of a single-file output, or the first of several (all of
   * them are in {@link #outputUris()}). Empty means no output file yet, never that there are
   * several.
   *
   * @return the URI, or empty when there is no output yet
   * @throws ReplicateException if the output is not a URI or a list of URIs, as
   *     {@link #outputUris()}
   */
  public Optional<String> outputUri() {
    return outputUris().stream().findFirst();
  }

  /**
   * The logs so far.
   *
   * @return the logs, empty if none
   */
  public String logs() {
    String logs = text("logs");
    return logs == null ? "" : logs;
  }

  /**
   * The error of a failed prediction, readable: the text when the server sent a string, else the
   * JSON it sent (an object or an array, say) written compactly.
   *
   * @return the error, or empty
   */
  public Optional<String> error() {
    Object error = json.get("error");
    if (error == null || error instanceof String) {
      return Optional.ofNullable((String) error);
    }
    return Optional.of(MessageText.json(error));
  }

  /**
   * The error of a failed prediction exactly as sent: a string, or any other JSON value.
   *
   * @return the error as {@link ExactJson} reads it, or empty
   */
  public Optional<Object> errorJson() {
    return Optional.ofNullable(json.get("error"));
  }

  /**
   * Whether the server deleted the inputs and outputs (about an hour after completion).
   *
   * @return true once the data was removed
   */
  public boolean dataRemoved() {
    Object removed = json.get("data_removed");
    if (removed != null && !(removed instanceof Boolean)) {
      throw malformed("data_removed", "a boolean", removed);
    }
    return Boolean.TRUE.equals(removed);
  }

  /**
   * Seconds the model spent running.
   *
   * @return {@code metrics.predict_time}, or empty
   */
  public Optional<Double> predictTime() {
    Object seconds = metrics().get("predict_time");
    if (seconds != null && !(seconds instanceof Number
        && Double.isFinite(((Number) seconds).doubleValue()))) {
      throw malformed("metrics.predict_time", "a number a double can hold", seconds);
    }
    return seconds == null ? Optional.empty() : Optional.of(((Number) seconds).doubleValue());
  }

  /**
   * Every metric the server reported, including ones this SDK does not name.
   *
   * @return the metrics, possibly empty
   */
  public Map<String, Object> metrics() {
    return object("metrics");
  }

  /**
   * When the prediction was created.
   *
   * @return the time, or empty if absent
   */
  public Optional<Instant> createdAt() {
    return instant("created_at");
  }

  /**
   * When the model started running.
   *
   * @return the time, or empty
   */
  public Optional<Instant> startedAt() {
    return instant("started_at");
  }

  /**
   * When the prediction finished.
   *
   * @return the time, or empty
   */
  public Optional<Instant> completedAt() {
    return instant("completed_at");
  }

  /**
   * When the server cancels the prediction if it has not finished.
   *
   * @return the time, or empty
   */
  public Optional<Instant> deadline() {
    return instant("deadline");
  }

  /**
   * The generated model of this prediction, read from {@link #json()} on the first call (polls do
   * not pay for it). Mutable: do not change it.
   *
   * @return the generated prediction
   * @throws ReplicateException if the JSON does not fit the generated model, naming the field
   */
  dev.replicate4j.generated.model.WirePrediction raw() {
    dev.replicate4j.generated.model.WirePrediction model = raw;
    if (model == null) {
      synchronized (this) {
        model = raw;
        if (model == null) {
          try {
            model = JsonCodec.PREDICTION.fromJsonValue(json);
          } catch (RuntimeException | AssertionError e) {
            // Moshi wraps what its reader refuses (a "NaN" string for a double) in an AssertionError.
            throw new ReplicateException("Prediction " + shownId()
                + " does not fit the generated model: " + MessageText.abbreviate(e.getMessage()), e);
          }
          raw = model;
        }
      }
    }
    return model;
  }

  /**
   * The prediction's JSON as received, with every field, known or not.
   *
   * @return the JSON object as an unmodifiable map
   */
  public Map<String, Object> json() {
    return json;
  }

  private String text(String field) {
    Object value = json.get(field);
    if (value != null && !(value instanceof String)) {
      throw malformed(field, "a string", value);
    }
    return (String) value;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> object(String field) {
    Object value = json.get(field);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map)) {
      throw malformed(field, "an object", value);
    }
    return Collections.unmodifiableMap((Map<String, Object>) value);
  }

  private ReplicateException malformed(String field, String expected, Object value) {
    return new ReplicateException("Prediction " + shownId() + ": " + field + " is not " + expected
        + ": " + MessageText.shown(value));
  }

  /** {@code Prediction <id> (<model>)} for an exception message; never throws. */
  String subject() {
    return "Prediction " + shownId() + " (" + MessageText.shown(json.get("model")) + ")";
  }

  /** The id for a message, whatever the server sent. */
  private String shownId() {
    Object id = json.get("id");
    return id instanceof String ? MessageText.abbreviate((String) id) : "(no id)";
  }

  private Optional<Instant> instant(String field) {
    String text = text(field);
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      throw new ReplicateException("Prediction " + shownId() + ": " + field
          + " is not an RFC 3339 date-time: " + MessageText.abbreviate(text), e);
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

  /** Never throws: each field is shown as sent, abbreviated. */
  @Override
  public String toString() {
    Object error = json.get("error");
    return "Prediction{id=" + MessageText.shown(json.get("id")) + ", model=" + MessageText.shown(json.get("model"))
        + ", status=" + MessageText.shown(json.get("status"))
        + (error != null ? ", error=" + MessageText.shown(error) : "") + "}";
  }
}
