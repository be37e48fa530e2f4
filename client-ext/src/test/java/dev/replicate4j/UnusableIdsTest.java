package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A prediction id goes into the path of every get and cancel, so an id the server sends that
 * cannot be used as it is fails with a {@link MalformedResponseException}, and one a caller gives
 * with a {@link ValidationException}, before any request.
 */
class UnusableIdsTest extends ServerAndClientTest {
  @ParameterizedTest
  @ValueSource(strings = {"..", ".", "", "a/b", "a b", "p1?x=1", "%2e%2e", "\u00e9t\u00e9"})
  void aCreateAnsweringAnUnusableIdSaysSoAndCarriesTheResponse(String id) throws Exception {
    server.enqueue(PredictionJson.prediction(id).created());

    assertThatThrownBy(() -> client.run(TestHttp.MODEL, TestHttp.input()))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(201);
          assertThat(ExactJson.parse(e.body())).isEqualTo(
              ExactJson.parse(PredictionJson.prediction(id).json()));
          assertThat(e.getMessage())
              .startsWith("create prediction got HTTP 201 with a prediction id that cannot be "
                  + "used in a URL: \"" + id + "\"")
              .contains("may have been created")
              .contains("cannot be waited on or canceled (not even on a best-effort basis)")
              .contains("recent predictions");
        });
    // The create and nothing else: no poll or cancel went to a path built from the id.
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "a/b"})
  void anAsyncCreateAnsweringAnUnusableIdFailsItsFutureTheSameWay(String id) {
    server.enqueue(PredictionJson.prediction(id).created());

    assertThatThrownBy(() -> client.runAsync(TestHttp.MODEL, TestHttp.input()).join())
        .hasCauseInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("cannot be used in a URL");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "a/b", "a b"})
  void aPollAnsweringAnUnusableIdIsAMalformedResponse(String id) {
    server.enqueue(PredictionJson.prediction(id).ok());

    assertThatThrownBy(() -> client.get("p1")).isInstanceOf(MalformedResponseException.class)
        .hasMessageStartingWith("get prediction p1 got HTTP 200 with a prediction id that")
        .hasMessageNotContaining("may have been created");
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", ".", "", "a/b", "p1#x"})
  void anUnusableIdFromTheCallerIsRejectedBeforeAnyRequest(String id) throws Exception {
    assertThatThrownBy(() -> client.get(id)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("prediction: id = \"" + id + "\": must be 1 to 256 of the");
    assertThatThrownBy(() -> client.cancel(id)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> client.resume(id)).isInstanceOf(ValidationException.class);
    assertThat(server.takeRequest(100, TimeUnit.MILLISECONDS)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sdxl", "", "acme/upscaler:5c7d", "a b/c"})
  void versionTextInNoneOfTheThreeFormsIsRejectedBeforeAnyRequest(String version)
      throws Exception {
    // It used to escape as an IllegalArgumentException, outside the SDK's exceptions.
    assertThatThrownBy(() -> client.run(version, TestHttp.input()))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("prediction: version = \"" + version + "\": ")
        .hasMessageContaining("owner/name:<64-hex version id>");
    assertThatThrownBy(() -> client.create(version, TestHttp.input()))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> client.runAsync(version, TestHttp.input()))
        .isInstanceOf(ValidationException.class);
    assertThat(server.takeRequest(100, TimeUnit.MILLISECONDS)).isNull();
  }
}
