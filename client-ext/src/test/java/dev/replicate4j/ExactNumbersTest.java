package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replicate4j.models.GenericInput;
import dev.replicate4j.models.Models;
import dev.replicate4j.models.SdxlInput;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Numbers are read and sent exactly; one out of range spoils only the accessor of its field. */
class ExactNumbersTest extends ServerAndClientTest {
  @Test
  void integersStayIntegersAndBigOnesStayExact() {
    server.enqueue(TestHttp.json(200, "{\"id\":\"p1\",\"status\":\"succeeded\","
        + "\"output\":[42,9007199254740993,123456789012345678901234567890,2.5,1e309],"
        + "\"metrics\":{\"image_count\":42,\"predict_time\":1.25}}"));

    Prediction p = client.get("p1");

    assertThat(p.output()).isEqualTo(List.of(42L, 9007199254740993L,
        new BigInteger("123456789012345678901234567890"), 2.5, new BigDecimal("1e309")));
    assertThat(p.metrics()).containsEntry("image_count", 42L);
    assertThat(p.predictTime()).contains(1.25);
    // Written back, every number is the text that came in.
    assertThat(ExactJson.write(p.output()))
        .isEqualTo("[42,9007199254740993,123456789012345678901234567890,2.5,1E+309]");
  }

  @Test
  void aNumberOutOfRangeSpoilsOnlyItsOwnField() {
    server.enqueue(TestHttp.json(200, "{\"id\":\"p1\",\"status\":\"processing\","
        + "\"metrics\":{\"predict_time\":1e309},\"logs\":\"step 3\"}"));

    Prediction p = client.get("p1");

    assertThat(p.status()).isEqualTo(PredictionStatus.PROCESSING);
    assertThat(p.logs()).isEqualTo("step 3");
    assertThat(p.metrics()).containsEntry("predict_time", new BigDecimal("1e309"));
    assertThatThrownBy(p::predictTime).isInstanceOf(ReplicateException.class)
        .hasMessage("Prediction p1: metrics.predict_time is not a number a double can hold: 1E+309");
    assertThat(p.toString()).isEqualTo("Prediction{id=p1, model=null, status=processing}");
  }

  @Test
  void aSeedOfLongMaxIsSentAsItsDigits() throws Exception {
    server.enqueue(PredictionJson.prediction("p1").created());

    client.create(Models.SDXL, SdxlInput.builder().prompt("a fox").seed(Long.MAX_VALUE).build());

    RecordedRequest request = server.takeRequest();
    assertThat(request.getBody().utf8()).contains("\"seed\":9223372036854775807");
  }

  @Test
  void genericInputsSendBigNumbersExactly() throws Exception {
    server.enqueue(PredictionJson.prediction("p1").created());

    client.create(Models.generic("acme/thing"), GenericInput.of(Map.of(
        "big", new BigInteger("123456789012345678901234567890"),
        "precise", new BigDecimal("0.1000000000000000000000000001"))));

    String body = server.takeRequest().getBody().utf8();
    assertThat(body).contains("\"big\":123456789012345678901234567890")
        .contains("\"precise\":0.1000000000000000000000000001");
  }

  @Test
  void exactJsonReadsEveryKindOfNumber() {
    assertThat(ExactJson.parse("[0,-0,-12,9223372036854775807,9223372036854775808,1.5,1e2,1e-400]"))
        .isEqualTo(List.of(0L, 0L, -12L, Long.MAX_VALUE, new BigInteger("9223372036854775808"),
            1.5, 100.0, new BigDecimal("1e-400")));
    // Beyond what even a BigDecimal holds: the double.
    assertThat(ExactJson.parse("[1e99999999999,-1e-99999999999,0.0]"))
        .isEqualTo(List.of(Double.POSITIVE_INFINITY, -0.0, 0.0));
    // Too long to read exactly in bounded time: read as a double.
    assertThat(ExactJson.parse("[0." + "0".repeat(2000) + "1]")).isEqualTo(List.of(0.0));
    assertThatThrownBy(() -> ExactJson.parse("{\"a\":1,\"a\":2}"))
        .isInstanceOf(ReplicateException.class).hasMessageContaining("multiple values");
  }
}
