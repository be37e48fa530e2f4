package dev.replicate4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;

/**
 * Builds realistic prediction bodies as the relay sends them, including the {@code urls} block that
 * points at the upstream, so tests read like the wire.
 */
final class PredictionJson {
  static final String UPSTREAM = "https://api.replicate.com/v1/predictions/";

  private final Map<String, Object> fields = new LinkedHashMap<>();

  private PredictionJson(String id) {
    fields.put("id", id);
    fields.put("model", "black-forest-labs/flux-schnell");
    fields.put("version", "hidden");
    fields.put("input", Map.of("prompt", "a lighthouse at dusk"));
    fields.put("logs", "");
    fields.put("output", null);
    fields.put("data_removed", false);
    fields.put("error", null);
    fields.put("status", "starting");
    fields.put("created_at", "2026-11-02T10:15:30.123Z");
    urls(UPSTREAM + id, UPSTREAM + id + "/cancel");
  }

  /** A prediction in status {@code starting}. */
  static PredictionJson prediction(String id) {
    return new PredictionJson(id);
  }

  PredictionJson status(String status) {
    fields.put("status", status);
    return this;
  }

  /** Succeeded, with one output file and metrics. */
  PredictionJson succeeded() {
    fields.put("status", "succeeded");
    fields.put("output", List.of("https://replicate.delivery/xezq/out-0.webp"));
    fields.put("started_at", "2026-11-02T10:15:31.000Z");
    fields.put("completed_at", "2026-11-02T10:15:33.500Z");
    fields.put("metrics", Map.of("predict_time", 2.5));
    return this;
  }

  /** Where the upstream says the prediction can be read and canceled. */
  PredictionJson urls(String get, String cancel) {
    Map<String, Object> urls = new LinkedHashMap<>();
    urls.put("get", get);
    urls.put("cancel", cancel);
    urls.put("web", "https://replicate.com/p/" + fields.get("id"));
    fields.put("urls", urls);
    return this;
  }

  /** Any other member, known to the SDK or not. */
  PredictionJson with(String name, Object value) {
    fields.put(name, value);
    return this;
  }

  /** A parsed prediction {@code p1} in the given status with the given logs. */
  static Prediction withStatus(String status, String logs) {
    PredictionJson json = prediction("p1");
    if ("succeeded".equals(status)) {
      json.succeeded();
    }
    return Prediction.parse(json.status(status).with("logs", logs).json());
  }

  String json() {
    return JsonCodec.MAP.serializeNulls().toJson(fields);
  }

  MockResponse response(int code) {
    return TestHttp.json(code, json());
  }

  MockResponse ok() {
    return response(200);
  }

  MockResponse created() {
    return response(201);
  }
}
