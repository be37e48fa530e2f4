package dev.replicate4j.benchmarks;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The baseline of the overhead benchmark: what a developer writes by hand with OkHttp and Moshi to
 * create and read a prediction. No retries, no validation, no typed views: one request, one parse
 * into a map.
 */
final class RawClient implements AutoCloseable {
  static final JsonAdapter<Map<String, Object>> MAP = new Moshi.Builder().build()
      .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final OkHttpClient http = new OkHttpClient();
  private final String predictions;
  private final String authorization;

  RawClient(String baseUrl, String apiKey) {
    this.predictions = baseUrl + "/replicate/v1/predictions";
    this.authorization = "Bearer " + apiKey;
  }

  /** POSTs {@code {"version": ..., "input": ...}} and returns the prediction as a map. */
  Map<String, Object> create(String version, Map<String, Object> input) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", version);
    body.put("input", input);
    return call(new Request.Builder().url(predictions)
        .header("Authorization", authorization)
        .post(RequestBody.create(MAP.toJson(body), JSON))
        .build());
  }

  /** GETs a prediction by id. */
  Map<String, Object> get(String id) {
    return call(new Request.Builder().url(predictions + "/" + id)
        .header("Authorization", authorization)
        .build());
  }

  private Map<String, Object> call(Request request) {
    try (Response response = http.newCall(request).execute()) {
      ResponseBody body = response.body();
      if (!response.isSuccessful()) {
        throw new IllegalStateException(request.method() + " " + request.url() + " answered HTTP "
            + response.code() + ": " + body.string());
      }
      Map<String, Object> prediction = MAP.fromJson(body.source());
      if (prediction == null || !(prediction.get("id") instanceof String)) {
        throw new IllegalStateException(request.method() + " " + request.url()
            + " answered without a prediction id");
      }
      return prediction;
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.url() + " failed", e);
    }
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
