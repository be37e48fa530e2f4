package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A response whose fields have the wrong JSON types. Polls read only the JSON tree, so the fields
 * every caller relies on ({@code id}, {@code status}) are checked on arrival and the others when
 * read; each error names the field.
 */
class WrongFieldTypesTest extends ServerAndClientTest {
  @Test
  void anIdThatIsNotAStringIsAMalformedResponse() {
    server.enqueue(PredictionJson.prediction("p1").with("id", 42).ok());

    assertThatThrownBy(() -> client.get("p1")).isInstanceOf(ConnectionException.class)
        .hasMessageContaining("get prediction p1 got a malformed response")
        .hasMessageContaining("id is not a string: 42");
  }

  @Test
  void aStatusThatIsNotAStringIsAMalformedResponse() {
    server.enqueue(PredictionJson.prediction("p1").with("status", true).ok());

    assertThatThrownBy(() -> client.get("p1")).isInstanceOf(ConnectionException.class)
        .hasMessageContaining("status is not a string: true");
  }

  @Test
  void anotherWrongFieldFailsWhereItIsReadAndNamesIt() {
    server.enqueue(PredictionJson.prediction("p1").status("processing")
        .with("logs", 7).with("metrics", "fast").with("data_removed", "no")
        .with("created_at", "yesterday").ok());

    Prediction p = client.get("p1");

    assertThat(p.id()).isEqualTo("p1");
    assertThat(p.status()).isEqualTo(PredictionStatus.PROCESSING);
    assertThatThrownBy(p::logs).isInstanceOf(ReplicateException.class)
        .hasMessage("Prediction p1: logs is not a string: 7");
    assertThatThrownBy(p::metrics).hasMessage("Prediction p1: metrics is not an object: fast");
    assertThatThrownBy(p::predictTime).hasMessageContaining("metrics is not an object");
    assertThatThrownBy(p::dataRemoved)
        .hasMessage("Prediction p1: data_removed is not a boolean: no");
    assertThatThrownBy(p::createdAt)
        .hasMessageContaining("created_at is not an RFC 3339 date-time: yesterday");
    assertThatThrownBy(p::raw).isInstanceOf(ReplicateException.class)
        .hasMessageContaining("Prediction p1 does not fit the generated model")
        .hasMessageContaining("$.data_removed");
    // The JSON itself is kept as received.
    assertThat(p.json()).containsEntry("logs", 7L).containsEntry("metrics", "fast");
  }

  @Test
  void theGeneratedModelIsBoundOnceFromTheSameJson() {
    server.enqueue(PredictionJson.prediction("p1").succeeded().ok());

    Prediction p = client.get("p1");

    assertThat(p.raw()).isSameAs(p.raw());
    assertThat(p.raw().getId()).isEqualTo(p.id());
    assertThat(p.rawStatus()).contains(p.raw().getStatus().getValue());
    assertThat(p.raw().getOutput()).isEqualTo(p.output());
  }

  @Test
  void parseChecksEveryFieldAtOnce() {
    String json = "{\"id\":\"p1\",\"status\":\"succeeded\",\"metrics\":{\"predict_time\":\"slow\"}}";

    assertThatThrownBy(() -> Prediction.parse(json)).isInstanceOf(ReplicateException.class)
        .hasMessageContaining("$.metrics.predict_time");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"NaN", "Infinity", "-Infinity"})
  void parseNamesANonFiniteNumberInAString(String text) {
    // Moshi's tree reader reads such a string as a double, then refuses it with an Error.
    String json = "{\"id\":\"p1\",\"status\":\"succeeded\",\"metrics\":{\"predict_time\":\""
        + text + "\"}}";

    assertThatThrownBy(() -> Prediction.parse(json)).isInstanceOf(ReplicateException.class)
        .hasMessageContaining("$.metrics.predict_time");
  }

  @Test
  void theRetrofitAdapterWritesBackTheTreeItRead() throws Exception {
    String json = PredictionJson.prediction("p1").with("gpu", "H100").json();
    com.squareup.moshi.JsonAdapter<dev.replicate4j.generated.model.WirePrediction> adapter =
        JsonCodec.RETROFIT.adapter(dev.replicate4j.generated.model.WirePrediction.class);

    assertThat(JsonCodec.MAP.fromJson(adapter.toJson(adapter.fromJson(json))))
        .isEqualTo(JsonCodec.MAP.fromJson(json));
  }
}
