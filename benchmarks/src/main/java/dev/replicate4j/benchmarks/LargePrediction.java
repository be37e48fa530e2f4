package dev.replicate4j.benchmarks;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.replicate4j.models.Models;
import dev.replicate4j.stub.ProgressLine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of a finished prediction with about 1 MiB of logs (tqdm progress lines with Unicode
 * blocks, as diffusion models write them) and an output of 100 file URIs, shaped as Replicate
 * returns it.
 */
final class LargePrediction {
  static final int LOG_BYTES = 1 << 20;
  static final int OUTPUTS = 100;
  private static final JsonAdapter<Object> JSON =
      new Moshi.Builder().build().adapter(Object.class).serializeNulls();

  private LargePrediction() {}

  static String json() {
    String id = "q7m2k9x4vd5rj0cm1bjsy8gk3w";
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("id", id);
    p.put("model", Models.STABLE_DIFFUSION.owner().orElseThrow() + "/" + Models.STABLE_DIFFUSION.name().orElseThrow());
    p.put("version", Models.STABLE_DIFFUSION.versionId().orElseThrow());
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("prompt", "a lighthouse at dusk");
    input.put("num_outputs", 4);
    p.put("input", input);
    p.put("logs", logs());
    List<Object> output = new ArrayList<>();
    for (int i = 0; i < OUTPUTS; i++) {
      output.add("https://replicate.delivery/xezq/" + id + "/out-" + i + ".png");
    }
    p.put("output", output);
    p.put("data_removed", false);
    p.put("error", null);
    p.put("status", "succeeded");
    p.put("source", "api");
    p.put("created_at", "2026-01-01T10:00:00.000000Z");
    p.put("started_at", "2026-01-01T10:00:01.250000Z");
    p.put("completed_at", "2026-01-01T10:03:21.500000Z");
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("predict_time", 200.25);
    metrics.put("total_time", 201.5);
    p.put("metrics", metrics);
    Map<String, Object> urls = new LinkedHashMap<>();
    urls.put("get", "https://api.replicate.com/v1/predictions/" + id);
    urls.put("cancel", "https://api.replicate.com/v1/predictions/" + id + "/cancel");
    urls.put("web", "https://replicate.com/p/" + id);
    p.put("urls", urls);
    return JSON.toJson(p);
  }

  /** Progress lines until the logs reach {@link #LOG_BYTES} bytes of UTF-8. */
  static String logs() {
    StringBuilder logs = new StringBuilder("Using seed: 4242\n");
    int total = 50;
    int bytes = logs.length();
    for (int line = 0; bytes < LOG_BYTES; line++) {
      int step = line % (total + 1);
      String text = ProgressLine.of(step, total, step * 0.05) + "\n";
      logs.append(text);
      bytes += text.getBytes(StandardCharsets.UTF_8).length;
    }
    return logs.toString();
  }
}
