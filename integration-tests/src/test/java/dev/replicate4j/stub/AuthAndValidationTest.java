package dev.replicate4j.stub;

import static dev.replicate4j.stub.StubHttp.FLUX_SCHNELL;
import static dev.replicate4j.stub.StubHttp.IMAGE;
import static dev.replicate4j.stub.StubHttp.INPAINTING;
import static dev.replicate4j.stub.StubHttp.OBJECT_REMOVAL;
import static dev.replicate4j.stub.StubHttp.REMBG;
import static dev.replicate4j.stub.StubHttp.SD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthAndValidationTest extends StubHttpTest {
  @Override
  StubRelayBuilder configure(StubRelayBuilder builder) {
    return builder.apiKey("sk-test-123");
  }

  @Test
  void missingKeyIs401ProblemDetails() {
    StubHttp.Reply reply = http.call(new Request.Builder()
        .url(stub.baseUrl() + "/replicate/v1/predictions")
        .post(RequestBody.create("{}", null)).build());

    assertThat(reply.code).isEqualTo(401);
    assertThat(reply.contentType()).isEqualTo("application/problem+json");
    assertThat(reply.json()).containsEntry("status", 401.0).containsEntry("title", "Unauthenticated")
        .containsKey("detail");
    assertThat(stub.predictionsCreated()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer wrong", "Bearer", "Basic c2stdGVzdC0xMjM=", "sk-test-123"})
  void wrongKeyIs401OnEveryApiEndpoint(String authorization) {
    String id = http.createId(SD, Map.of());
    for (Request.Builder request : List.of(http.api(""), http.api("/" + id),
        http.api("/" + id + "/cancel").post(RequestBody.create(new byte[0])))) {
      StubHttp.Reply reply = http.call(request.header("Authorization", authorization).build());
      assertThat(reply.code).isEqualTo(401);
      assertThat((String) reply.json().get("detail")).contains("valid authentication token");
    }
    assertThat(stub.status(id)).isNotEqualTo("canceled");
  }

  @Test
  void bearerSchemeIsCaseInsensitive() {
    StubHttp.Reply reply = http.call(http.api("").header("Authorization", "bearer sk-test-123").build());

    assertThat(reply.code).isEqualTo(200);
  }

  @Test
  void unknownVersionIs422NamingTheVersion() {
    String unknown = "0".repeat(64);
    StubHttp.Reply reply = http.create(unknown, Map.of("prompt", "x"));

    assertThat(reply.code).isEqualTo(422);
    assertThat(reply.contentType()).isEqualTo("application/problem+json");
    assertThat((String) reply.json().get("detail")).contains(unknown);
    assertThat(reply.json().get("invalid_fields")).asInstanceOf(LIST)
        .anySatisfy(f -> assertThat(((Map<?, ?>) f).get("field")).isEqualTo("version"));
    assertThat(stub.predictionsCreated()).isZero();
  }

  @Test
  void acceptsBareHashAndOwnerNameHashButNotAMismatchedName() {
    assertThat(http.create(SD, Map.of()).code).isEqualTo(200);
    assertThat(http.create("stability-ai/stable-diffusion:" + SD, Map.of()).json())
        .containsEntry("version", SD).containsEntry("model", "stability-ai/stable-diffusion");

    StubHttp.Reply mismatched = http.create("stability-ai/sdxl:" + SD, Map.of());
    assertThat(mismatched.code).isEqualTo(422);
    assertThat((String) mismatched.json().get("detail")).contains("stability-ai/sdxl:" + SD);
    StubHttp.Reply nameOnly = http.create("stability-ai/stable-diffusion", Map.of());
    assertThat(nameOnly.code).isEqualTo(422);
    assertThat((String) nameOnly.json().get("detail")).contains("stability-ai/stable-diffusion");
  }

  @Test
  void missingRequiredFieldIs422NamingIt() {
    StubHttp.Reply reply = http.create(INPAINTING, Map.of("image", IMAGE, "prompt", "x"));

    assertThat(reply.code).isEqualTo(422);
    assertThat((String) reply.json().get("detail")).contains("input.mask").doesNotContain("input.image");
    assertThat(reply.json().get("invalid_fields")).asInstanceOf(LIST).singleElement()
        .satisfies(f -> assertThat(((Map<?, ?>) f).get("field")).isEqualTo("input.mask"));
  }

  @Test
  void eachModelsRequiredFieldsAreChecked() {
    assertThat(detailOf(FLUX_SCHNELL, Map.of())).contains("input.prompt");
    assertThat(detailOf(StubHttp.ANIMATION, Map.of("prompt_start", "a"))).contains("input.prompt_end");
    assertThat(detailOf(StubHttp.IMG2IMG, Map.of("prompt", "x"))).contains("input.image");
    assertThat(detailOf(OBJECT_REMOVAL, Map.of())).contains("input.image_path");
    assertThat(detailOf(REMBG, Map.of("image", ""))).contains("input.image");
  }

  /** Where the SDK's validation lets a value through, so does the stub, and the other way round. */
  @Test
  void theStubJudgesValuesAsTheSdkDoes() {
    StubHttp.Reply reply = http.createRaw("{\"version\":\"" + StubHttp.SDXL + "\",\"input\":{"
        + "\"seed\":9007199254740993,\"width\":0,\"height\":-64,"
        + "\"image\":\"HTTPS://example.com/in.png\"}}");
    assertThat(reply.code).as(reply.body).isEqualTo(200);
    assertThat(reply.body).contains("\"seed\":9007199254740993", "\"width\":0");

    StubHttp.Reply big = http.createRaw("{\"version\":\"" + StubHttp.SDXL + "\",\"input\":{"
        + "\"seed\":9223372036854775808}}");
    assertThat(big.code).as(big.body).isEqualTo(422);
    assertThat(big.body).contains("input.seed", "between");

    assertThat(http.create(REMBG, Map.of("image", "Data:image/png;base64,iVBORw0KGgo=")).code)
        .isEqualTo(200);
  }

  @Test
  void typeAndRangeRulesAre422NamingTheFieldAndValue() {
    assertThat(detailOf(SD, Map.of("num_outputs", 9))).contains("input.num_outputs", "between 1 and 4", "9");
    assertThat(detailOf(SD, Map.of("width", 1000))).contains("input.width", "1000");
    assertThat(detailOf(SD, Map.of("guidance_scale", "high"))).contains("input.guidance_scale", "number");
    assertThat(detailOf(SD, Map.of("num_outputs", 1.5))).contains("input.num_outputs", "integer");
    assertThat(detailOf(FLUX_SCHNELL, Map.of("prompt", "x", "output_format", "gif")))
        .contains("input.output_format", "webp, jpg, png");
    assertThat(detailOf(REMBG, Map.of("image", "ftp://x/y.png"))).contains("input.image", "URL");
    assertThat(detailOf(OBJECT_REMOVAL, Map.of("image_path", IMAGE, "objects_to_remove", "person, car")))
        .contains("input.objects_to_remove", "' car'");
    assertThat(detailOf(SD, Map.of("mask", IMAGE))).contains("input.mask", "not allowed");
  }

  @Test
  void optionalFieldsMayBeNullAndDataUrisAreFileInputs() {
    assertThat(http.create(SD, Collections.singletonMap("seed", null)).code).isEqualTo(200);
    assertThat(http.create(REMBG, Map.of("image", "data:image/png;base64,iVBORw0KGgo=")).code)
        .isEqualTo(200);
  }

  @Test
  void malformedBodiesAreRejectedWithoutCreatingAnything() {
    assertThat(http.createRaw("{not json").code).isEqualTo(400);
    assertThat(http.createRaw("[1]").code).isEqualTo(400);
    StubHttp.Reply noInput = http.createRaw("{\"version\":\"" + SD + "\"}");
    assertThat(noInput.code).isEqualTo(422);
    assertThat((String) noInput.json().get("detail")).contains("input");
    assertThat(stub.predictionsCreated()).isZero();
  }

  @Test
  void unknownPredictionIs404AndWrongMethodIs405() {
    StubHttp.Reply missing = http.get("nosuchprediction");
    assertThat(missing.code).isEqualTo(404);
    assertThat(missing.contentType()).isEqualTo("application/problem+json");
    assertThat(http.cancel("nosuchprediction").code).isEqualTo(404);

    StubHttp.Reply wrongMethod = http.call(http.api("").delete().build());
    assertThat(wrongMethod.code).isEqualTo(405);
    assertThat(wrongMethod.headers.get("Allow")).isEqualTo("GET, POST");
    assertThat(http.call(new Request.Builder().url(stub.baseUrl() + "/v1/predictions").build()).code)
        .isEqualTo(404);
  }

  @Test
  void outputFilesNeedNoKeyAndMissingFilesAre404() {
    String id = http.createId(REMBG, Map.of("image", IMAGE));
    String url = (String) http.awaitTerminal(id).get("output");

    assertThat(http.download(url).code).isEqualTo(200);
    assertThat(http.download(stub.fileBaseUrl() + "/files/" + id + "/other.png").code).isEqualTo(404);
  }

  private String detailOf(String version, Map<String, Object> input) {
    StubHttp.Reply reply = http.create(version, input);
    assertThat(reply.code).as(reply.body).isEqualTo(422);
    return (String) reply.json().get("detail");
  }
}
