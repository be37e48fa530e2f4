package dev.replicate4j;

import com.squareup.moshi.JsonDataException;
import dev.replicate4j.generated.api.PredictionsApi;
import dev.replicate4j.generated.model.PredictionRequest;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * The three API operations over the generated Retrofit interface, sync and async, with every failure
 * turned into a {@link ReplicateException}. The one place the SDK calls the network for the API.
 */
final class ApiCalls {
  private final PredictionsApi api;
  private final ErrorMapper errors;

  ApiCalls(PredictionsApi api, ErrorMapper errors) {
    this.api = api;
    this.errors = errors;
  }

  Prediction create(PredictionRequest request, String prefer, String cancelAfter) {
    return execute("create prediction", api.createPrediction(request, prefer, cancelAfter), false);
  }

  Prediction get(String id) {
    return execute("get prediction " + id, api.getPrediction(id), false);
  }

  Prediction cancel(String id) {
    return execute("cancel prediction " + id, api.cancelPrediction(id), true);
  }

  CompletableFuture<Prediction> createAsync(PredictionRequest request, String prefer,
      String cancelAfter) {
    return enqueue("create prediction", api.createPrediction(request, prefer, cancelAfter), false);
  }

  CompletableFuture<Prediction> getAsync(String id) {
    return enqueue("get prediction " + id, api.getPrediction(id), false);
  }

  CompletableFuture<Prediction> cancelAsync(String id) {
    return enqueue("cancel prediction " + id, api.cancelPrediction(id), true);
  }

  private Prediction execute(String operation,
      Call<dev.replicate4j.generated.model.Prediction> call, boolean isCancel) {
    Response<dev.replicate4j.generated.model.Prediction> response;
    try {
      response = call.execute();
    } catch (IOException | JsonDataException e) {
      throw failure(operation, e);
    }
    return toPrediction(operation, response, isCancel);
  }

  private CompletableFuture<Prediction> enqueue(String operation,
      Call<dev.replicate4j.generated.model.Prediction> call, boolean isCancel) {
    CompletableFuture<Prediction> future = new CompletableFuture<>();
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
          future.complete(toPrediction(operation, response, isCancel));
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
