package dev.replicate4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replicate4j.models.GenericInput;
import dev.replicate4j.models.Models;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The async twins of create, get, cancel and resume: the same requests, errors in the future. */
class AsyncTwinsTest extends ServerAndClientTest {
  @Test
  void createAsyncGivesAHandleThatHasSeenTheCreate() throws Exception {
    server.enqueue(PredictionJson.prediction("p1").created());

    PredictionHandle<Object> handle = client.createAsync(Models.generic("acme/thing"),
        GenericInput.of(Map.of("prompt", "a fox"))).get(10, TimeUnit.SECONDS);

    assertThat(handle.id()).isEqualTo("p1");
    assertThat(handle.latest()).hasValueSatisfying(
        p -> assertThat(p.status()).isEqualTo(PredictionStatus.STARTING));
    RecordedRequest create = server.takeRequest();
    assertThat(create.getMethod()).isEqualTo("POST");
    assertThat(create.getTarget()).isEqualTo(TestHttp.PREDICTIONS);
  }

  @Test
  void createAsyncFailsWithTheApisError() {
    server.enqueue(TestHttp.problem(422, "Invalid input", "prompt is required"));

    CompletableFuture<PredictionHandle<Object>> handle = client.createAsync(
        Models.generic("acme/thing"), GenericInput.of(Map.of("prompt", "")));

    assertThatThrownBy(() -> handle.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ApiException.class);
  }

  @Test
  void getAsyncReadsThePrediction() throws Exception {
    server.enqueue(PredictionJson.prediction("p1").succeeded().ok());

    Prediction p = client.getAsync("p1").get(10, TimeUnit.SECONDS);

    assertThat(p.status()).isEqualTo(PredictionStatus.SUCCEEDED);
    assertThat(server.takeRequest().getTarget()).isEqualTo(TestHttp.PREDICTIONS + "/p1");
  }

  @Test
  void getAsyncOfAnUnknownIdFailsWithNotFound() {
    server.enqueue(TestHttp.problem(404, "Not found", "no such prediction"));

    assertThatThrownBy(() -> client.getAsync("nope").get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).cause().isInstanceOf(NotFoundException.class);
  }

  @Test
  void anUnusableIdFailsTheFutureWithoutARequest() {
    assertThatThrownBy(() -> client.getAsync("../p1").get(10, TimeUnit.SECONDS))
        .cause().isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> client.cancelAsync("../p1").get(10, TimeUnit.SECONDS))
        .cause().isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> client.resumeAsync("../p1").get(10, TimeUnit.SECONDS))
        .cause().isInstanceOf(ValidationException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void cancelAsyncPostsTheCancel() throws Exception {
    server.enqueue(PredictionJson.prediction("p1").status("canceled").ok());

    Prediction p = client.cancelAsync("p1").get(10, TimeUnit.SECONDS);

    assertThat(p.status()).isEqualTo(PredictionStatus.CANCELED);
    RecordedRequest cancel = server.takeRequest();
    assertThat(cancel.getMethod()).isEqualTo("POST");
    assertThat(cancel.getTarget()).isEqualTo(TestHttp.PREDICTIONS + "/p1/cancel");
  }

  @Test
  void cancelAsyncOnAServerWithoutCancelFailsWithCancelNotSupported() {
    server.enqueue(TestHttp.problem(405, "Method not allowed", "no cancel here"));

    assertThatThrownBy(() -> client.cancelAsync("p1").get(10, TimeUnit.SECONDS))
        .cause().isInstanceOf(CancelNotSupportedException.class);
  }

  @Test
  void resumeAsyncReadsTheStateFirst() throws Exception {
    server.enqueue(PredictionJson.prediction("p1").status("processing").ok());
    server.enqueue(PredictionJson.prediction("p1").succeeded().ok());

    PredictionHandle<Object> handle = client.resumeAsync("p1").get(10, TimeUnit.SECONDS);

    assertThat(handle.latest()).hasValueSatisfying(
        p -> assertThat(p.status()).isEqualTo(PredictionStatus.PROCESSING));
    assertThat(handle.await().status()).isEqualTo(PredictionStatus.SUCCEEDED);
  }

  @Test
  void resumeAsyncOfAnUnknownIdFailsWithNotFound() {
    server.enqueue(TestHttp.problem(404, "Not found", "no such prediction"));

    assertThatThrownBy(() -> client.resumeAsync("nope").get(10, TimeUnit.SECONDS))
        .cause().isInstanceOf(NotFoundException.class);
  }
}
