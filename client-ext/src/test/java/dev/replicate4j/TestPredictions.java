package dev.replicate4j;

/** Builds realistic prediction JSON for tests. */
final class TestPredictions {
  private TestPredictions() {}

  static Prediction withStatus(String status, String logs) {
    return Prediction.parse("{\"id\":\"p1\",\"model\":\"stability-ai/sdxl\",\"version\":\"v\","
        + "\"input\":{},\"logs\":" + JsonCodec.MOSHI.adapter(String.class).toJson(logs)
        + ",\"output\":" + ("succeeded".equals(status) ? "[\"https://files.example/out-0.png\"]" : "null")
        + ",\"error\":null,\"status\":\"" + status + "\",\"data_removed\":false,"
        + "\"created_at\":\"2026-11-25T10:00:00Z\","
        + "\"urls\":{\"get\":\"https://api.replicate.com/v1/predictions/p1\"}}");
  }
}
