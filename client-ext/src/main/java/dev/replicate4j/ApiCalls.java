package dev.replicate4j;

import com.squareup.moshi.JsonDataException;
import dev.replicate4j.generated.api.PredictionsApi;
import dev.replicate4j.generated.model.PredictionRequest;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * The three API operations over the generated Retrofit interface, sync and async, with every failure
 * turned into a {@link ReplicateException}. The one place the SDK calls the network for the API.
 */
final class ApiCalls {
  private final PredictionsApi api;
  private final PredictionsApi pollApi;
  private final ErrorMapper errors;

  /**
   * @param api the API with the client's retries
   * @param pollApi the API without them, for {@link #pollAsync}
   */
  ApiCalls(PredictionsApi api, PredictionsApi pollApi, ErrorMapper errors) {
    this.api = api;
    this.pollApi = pollApi;
    this.errors = errors;
  }

  /** A create's answer, and when its request reached the network (null if not known). */
  record Created(Prediction prediction, Instant sentAt) {}

  Created create(PredictionRequest request, String prefer, String cancelAfter) {
    String operation = "create prediction";
    return execute(api.createPrediction(request, prefer, cancelAfter),
        response -> created(operation, response), operation);
  }

  Prediction get(String id) {
    String operation = "get prediction " + id;
    return execute(api.getPrediction(id), response -> toPrediction(operation, response, false),
        operation);
  }

  Prediction cancel(String id) {
    String operation = "cancel prediction " + id;
    return execute(api.cancelPrediction(id), response -> toPrediction(operation, response, true),
        operation);
  }

  CompletableFuture<Created> createAsync(PredictionRequest request, String prefer,
      String cancelAfter) {
    String operation = "create prediction";
    return enqueue(api.createPrediction(request, prefer, cancelAfter),
        response -> created(operation, response), operation);
  }

  /** One attempt at reading a prediction: a waiter retries between its polls itself. */
  CompletableFuture<Prediction> pollAsync(String id) {
    String operation = "get prediction " + id;
    return enqueue(pollApi.getPrediction(id), response -> toPrediction(operation, response, false),
        operation);
  }

  CompletableFuture<Prediction> cancelAsync(String id) {
    String operation = "cancel prediction " + id;
    return enqueue(api.cancelPrediction(id), response -> toPrediction(operation, response, true),
        operation);
  }

  private <T> T execute(Call<dev.replicate4j.generated.model.Prediction> call,
      Function<Response<dev.replicate4j.generated.model.Prediction>, T> read, String operation) {
    Response<dev.replicate4j.generated.model.Prediction> response;
    try {
      response = call.execute();
    } catch (IOException | JsonDataException e) {
      throw failure(operation, e);
    }
    return read.apply(response);
  }

  private <T> CompletableFuture<T> enqueue(Call<dev.replicate4j.generated.model.Prediction> call,
      Function<Response<dev.replicate4j.generated.model.Prediction>, T> read, String operation) {
    CompletableFuture<T> future = new CompletableFuture<>();
    // Cancelling the future cancels the HTTP call too.
    future.whenComplete((p, t) -> {
      if (future.isCancelled()) {
        call.cancel();
      }
    });
    call.enqueue(new Callback<>() {
      @Override
      public void onResponse(Call<dev.replicate4j.generated.model.Prediction> c,
          Response<dev.replicate4j.generated.model.Prediction> response) {
        try {
          future.complete(read.apply(response));
        } catch (RuntimeException e) {
          future.completeExceptionally(e);
        }
      }

      @Override
      public void onFailure(Call<dev.replicate4j.generated.model.Prediction> c, Throwable t) {
        future.completeExceptionally(
            t instanceof IOException || t instanceof JsonDataException ? failure(operation, t) : t);
      }
    });
    return future;
  }

  private Created created(String operation,
      Response<dev.replicate4j.generated.model.Prediction> response) {
    return new Created(toPrediction(operation, response, false),
        SendTracker.sentAt(response.raw()).orElse(null));
  }

  private Prediction toPrediction(String operation,
      Response<dev.replicate4j.generated.model.Prediction> response, boolean isCancel) {
    if (!response.isSuccessful()) {
      ApiException error = errors.toException(operation, response.code(), response.headers(),
          response.errorBody());
      if (isCancel && (response.code() == 404 || response.code() == 405)
          && !(error instanceof CancelNotSupportedException)) {
        throw new CancelNotSupportedException(error.getMessage()
            + " (this server may not support cancelling; the prediction may still be running)",
            error.statusCode(), error.problem(), error.headers());
      }
      throw error;
    }
    dev.replicate4j.generated.model.Prediction body = response.body();
    Prediction prediction;
    try {
      prediction = body == null ? null : Prediction.fromJson(JsonCodec.tree(body));
    } catch (ReplicateException e) {
      throw new ConnectionException(operation + " got a malformed response: " + e.getMessage(), e);
    }
    if (prediction == null || prediction.id() == null) {
      throw new ConnectionException(operation + " got HTTP " + response.code()
          + " without a prediction in the body", null);
    }
    return prediction;
  }

  private static ReplicateException failure(String operation, Throwable e) {
    if (e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
      return new ReplicateException(operation + " was interrupted", e);
    }
    if (e instanceof JsonDataException || e instanceof com.squareup.moshi.JsonEncodingException) {
      return new ConnectionException(operation + " got a malformed response: " + e.getMessage(), e);
    }
    return new ConnectionException(operation + " failed: " + e, e);
  }
}
