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
  private static final String CREATE = "create prediction";
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
    String operation = CREATE;
    return execute(api.createPrediction(request, prefer, cancelAfter),
        response -> created(operation, response), operation);
  }

  Prediction get(String id) {
    PredictionIds.check(id);
    String operation = "get prediction " + id;
    return execute(api.getPrediction(id), response -> toPrediction(operation, response),
        operation);
  }

  Prediction cancel(String id) {
    PredictionIds.check(id);
    String operation = "cancel prediction " + id;
    return execute(api.cancelPrediction(id), response -> canceled(operation, response),
        operation);
  }

  CompletableFuture<Created> createAsync(PredictionRequest request, String prefer,
      String cancelAfter) {
    String operation = CREATE;
    return enqueue(api.createPrediction(request, prefer, cancelAfter),
        response -> created(operation, response), operation);
  }

  /** One attempt at reading a prediction: a waiter retries between its polls itself. */
  CompletableFuture<Prediction> pollAsync(String id) {
    if (!PredictionIds.usable(id)) {
      return CompletableFuture.failedFuture(PredictionIds.invalid(id));
    }
    String operation = "get prediction " + id;
    return enqueue(pollApi.getPrediction(id), response -> toPrediction(operation, response),
        operation);
  }

  CompletableFuture<Prediction> cancelAsync(String id) {
    if (!PredictionIds.usable(id)) {
      return CompletableFuture.failedFuture(PredictionIds.invalid(id));
    }
    String operation = "cancel prediction " + id;
    return enqueue(api.cancelPrediction(id), response -> canceled(operation, response),
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
    return new Created(toPrediction(operation, response),
        SendTracker.sentAt(response.raw()).orElse(null));
  }

  /** A cancel's answer; a 404 or 405 may mean the server has no cancel at all. */
  private Prediction canceled(String operation,
      Response<dev.replicate4j.generated.model.Prediction> response) {
    try {
      return toPrediction(operation, response);
    } catch (ApiException e) {
      if (e.statusCode() == 404 || e.statusCode() == 405) {
        throw new CancelNotSupportedException(e.getMessage()
            + " (this server may not support cancelling; the prediction may still be running)",
            e.statusCode(), e.problem(), e.headers());
      }
      throw e;
    }
  }

  private Prediction toPrediction(String operation,
      Response<dev.replicate4j.generated.model.Prediction> response) {
    if (!response.isSuccessful()) {
      throw errors.toException(operation, response.code(), response.headers(),
          response.errorBody());
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
    if (!PredictionIds.usable(prediction.id())) {
      String received = MessageText.json(prediction.json());
      throw new MalformedResponseException(operation + " got HTTP " + response.code()
          + " with a prediction id that cannot be used in a URL: \""
          + MessageText.abbreviate(prediction.id()) + "\" (an id " + PredictionIds.RULE + ")"
          + (operation.equals(CREATE)
              ? ". The prediction may have been created and may be running: without a usable id"
                  + " it cannot be waited on or canceled (not even on a best-effort basis);"
                  + " look for it among your recent predictions"
              : "")
          + ". Response: " + MessageText.abbreviate(received, 1000), response.code(), received);
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
