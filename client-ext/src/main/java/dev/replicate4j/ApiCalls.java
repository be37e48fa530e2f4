package dev.replicate4j;

import com.squareup.moshi.JsonDataException;
import dev.replicate4j.generated.api.PredictionsApi;
import dev.replicate4j.generated.model.WirePredictionRequest;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * The three API operations over the generated Retrofit interface, sync and async, with every failure
 * turned into a {@link ReplicateException}. The one place the SDK calls the network for the API.
 *
 * <p>Synchronous calls retry in {@link RetryInterceptor}, on the caller's thread. Asynchronous calls
 * retry here, by the same {@link RetryPolicy}, each retry scheduled on the client's scheduler: no
 * HTTP thread sleeps. Either way the call's timeout (the client's {@code callTimeout}, or less where
 * a deadline is nearer) bounds all attempts and the delays between them; {@link CallDeadlines}
 * cancels a call still running at its end.
 */
final class ApiCalls {
  private static final String CREATE = "create prediction";
  private final PredictionsApi api;
  private final PredictionsApi asyncApi;
  private final ErrorMapper errors;
  private final RetryPolicy retries;
  private final Ticker ticker;
  private final Clock clock;
  private final DoubleSupplier random;
  private final Duration callTimeout;
  private final CallDeadlines deadlines;

  /**
   * @param api the API with the client's retries, for synchronous calls
   * @param asyncApi the API without them, for asynchronous calls
   * @param callTimeout the longest any call may take, retries included
   * @param deadlines what cancels a call at the end of its time
   */
  ApiCalls(PredictionsApi api, PredictionsApi asyncApi, ErrorMapper errors, RetryPolicy retries,
      Ticker ticker, Clock clock, DoubleSupplier random, Duration callTimeout,
      CallDeadlines deadlines) {
    this.api = api;
    this.asyncApi = asyncApi;
    this.errors = errors;
    this.retries = retries;
    this.ticker = ticker;
    this.clock = clock;
    this.random = random;
    this.callTimeout = callTimeout;
    this.deadlines = deadlines;
  }

  /** A create's answer, and when its request reached the network (null if not known). */
  record Created(Prediction prediction, Instant sentAt) {}

  /**
   * Creates a prediction.
   *
   * @param timeout the longest the create may take, or null for the client's call timeout
   */
  Created create(WirePredictionRequest request, String prefer, String cancelAfter, Duration timeout) {
    String operation = CREATE;
    return execute(api.createPrediction(request, prefer, cancelAfter), timeout,
        response -> created(operation, response), operation, true);
  }

  Prediction get(String id) {
    PredictionIds.check(id);
    String operation = "get prediction " + id;
    return execute(api.getPrediction(id), null, response -> toPrediction(operation, response, false),
        operation, false);
  }

  Prediction cancel(String id) {
    PredictionIds.check(id);
    String operation = "cancel prediction " + id;
    return execute(api.cancelPrediction(id), null, response -> canceled(operation, response),
        operation, false);
  }

  /** Creates a prediction asynchronously; {@code timeout} as for {@link #create}. */
  CompletableFuture<Created> createAsync(WirePredictionRequest request, String prefer,
      String cancelAfter, Duration timeout) {
    String operation = CREATE;
    return new AsyncCall<>(asyncApi.createPrediction(request, prefer, cancelAfter),
        response -> created(operation, response), operation, true, true, timeout).start();
  }

  /**
   * One attempt at reading a prediction: a waiter retries between its polls itself.
   *
   * @param timeout the longest the poll may take (the time left to the wait's deadline)
   */
  CompletableFuture<Prediction> pollAsync(String id, Duration timeout) {
    return getAsync(id, false, timeout);
  }

  /** Reads a prediction asynchronously, with the client's retries. */
  CompletableFuture<Prediction> getAsync(String id) {
    return getAsync(id, true, null);
  }

  private CompletableFuture<Prediction> getAsync(String id, boolean retry, Duration timeout) {
    if (!PredictionIds.usable(id)) {
      return CompletableFuture.failedFuture(PredictionIds.invalid(id));
    }
    String operation = "get prediction " + id;
    return new AsyncCall<>(asyncApi.getPrediction(id),
        response -> toPrediction(operation, response, false), operation, false, retry, timeout)
        .start();
  }

  CompletableFuture<Prediction> cancelAsync(String id) {
    if (!PredictionIds.usable(id)) {
      return CompletableFuture.failedFuture(PredictionIds.invalid(id));
    }
    String operation = "cancel prediction " + id;
    return new AsyncCall<>(asyncApi.cancelPrediction(id), response -> canceled(operation, response),
        operation, false, true, null).start();
  }

  private <T> T execute(Call<dev.replicate4j.generated.model.WirePrediction> call, Duration timeout,
      Function<Response<dev.replicate4j.generated.model.WirePrediction>, T> read, String operation,
      boolean create) {
    Response<dev.replicate4j.generated.model.WirePrediction> response;
    CallDeadlines.Watch watch = deadlines.watch(call, bounded(timeout));
    try {
      response = call.execute();
    } catch (IOException e) {
      throw failure(operation, watch.failure(e), create);
    } catch (JsonDataException e) {
      throw failure(operation, e, create);
    } finally {
      watch.close();
    }
    return read.apply(response);
  }

  /** The call timeout, or {@code timeout} where it is shorter. */
  private Duration bounded(Duration timeout) {
    return timeout == null || timeout.compareTo(callTimeout) > 0 ? callTimeout : timeout;
  }

  /**
   * One asynchronous call and its retries. Each attempt gets what is left of the timeout; each
   * retry waits on the scheduler. Cancelling the future cancels the attempt in flight or the
   * scheduled retry.
   */
  private final class AsyncCall<T> {
    private final Call<dev.replicate4j.generated.model.WirePrediction> first;
    private final Function<Response<dev.replicate4j.generated.model.WirePrediction>, T> read;
    private final String operation;
    private final boolean create;
    private final boolean retry;
    private final Duration budget;
    private final long budgetNanos;
    private long startedNanos;
    private final CompletableFuture<T> future = new CompletableFuture<>();
    private volatile Call<dev.replicate4j.generated.model.WirePrediction> current;
    private volatile Future<?> timer;

    AsyncCall(Call<dev.replicate4j.generated.model.WirePrediction> first,
        Function<Response<dev.replicate4j.generated.model.WirePrediction>, T> read, String operation,
        boolean create, boolean retry, Duration timeout) {
      this.first = first;
      this.read = read;
      this.operation = operation;
      this.create = create;
      this.retry = retry;
      this.budget = bounded(timeout);
      this.budgetNanos = budget.toNanos();
    }

    CompletableFuture<T> start() {
      startedNanos = System.nanoTime();
      Futures.onCancel(future, () -> {
        Future<?> pending = timer;
        if (pending != null) {
          pending.cancel(false);
        }
        Call<?> call = current;
        if (call != null) {
          call.cancel();
        }
      });
      attempt(1, first);
      return future;
    }

    private long leftNanos() {
      return budgetNanos - (System.nanoTime() - startedNanos);
    }

    private void attempt(int number, Call<dev.replicate4j.generated.model.WirePrediction> call) {
      if (future.isDone()) {
        return;
      }
      current = call;
      // The first attempt has the whole budget; a retry what is left of it.
      CallDeadlines.Watch watch = number == 1 ? deadlines.watch(call, budget)
          : deadlines.watch(call, Duration.ofNanos(leftNanos()), budget);
      call.enqueue(new Callback<>() {
        @Override
        public void onResponse(Call<dev.replicate4j.generated.model.WirePrediction> c,
            Response<dev.replicate4j.generated.model.WirePrediction> response) {
          watch.close();
          T value;
          try {
            value = read.apply(response);
          } catch (ApiException e) {
            Optional<Duration> delay = RetryPolicy.retriesStatus(e.statusCode(), !create)
                ? Optional.of(RetryAfter.askedBy(e, clock).map(retries::capped)
                    .orElseGet(() -> backoff(number)))
                : Optional.empty();
            retryOrFail(number, delay, e);
            return;
          } catch (RuntimeException e) {
            future.completeExceptionally(e);
            return;
          }
          future.complete(value);
        }

        @Override
        public void onFailure(Call<dev.replicate4j.generated.model.WirePrediction> c,
            Throwable failure) {
          watch.close();
          Throwable t = failure instanceof IOException ? watch.failure((IOException) failure)
              : failure;
          boolean unsent = t instanceof NotSentException;
          Optional<Duration> delay = (!create || unsent) && t instanceof IOException
              && !c.isCanceled()
              ? Optional.of(unsent && ((NotSentException) t).staleConnection() ? Duration.ZERO
                  : backoff(number))
              : Optional.empty();
          RuntimeException error = t instanceof IOException || t instanceof JsonDataException
              ? failure(operation, t, create) : new ReplicateException(operation + " failed: " + t, t);
          retryOrFail(number, delay, error);
        }
      });
    }

    private Duration backoff(int number) {
      return retries.jittered(retries.backoff(number), random.getAsDouble());
    }

    private void retryOrFail(int number, Optional<Duration> delay, RuntimeException error) {
      boolean again = retry && delay.isPresent() && number < retries.maxAttempts()
          && !future.isDone() && delay.get().toNanos() < leftNanos();
      if (!again) {
        future.completeExceptionally(error);
        return;
      }
      Call<dev.replicate4j.generated.model.WirePrediction> next = first.clone();
      try {
        timer = ticker.schedule(() -> attempt(number + 1, next), delay.get());
      } catch (RuntimeException e) {
        error.addSuppressed(e);
        future.completeExceptionally(error);
      }
    }
  }

  private Created created(String operation,
      Response<dev.replicate4j.generated.model.WirePrediction> response) {
    return new Created(toPrediction(operation, response, true),
        SendTracker.sentAt(response.raw()).orElse(null));
  }

  /** A cancel's answer; a 404 or 405 may mean the server has no cancel at all. */
  private Prediction canceled(String operation,
      Response<dev.replicate4j.generated.model.WirePrediction> response) {
    try {
      return toPrediction(operation, response, false);
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
      Response<dev.replicate4j.generated.model.WirePrediction> response, boolean create) {
    if (!response.isSuccessful()) {
      ApiException e = errors.toException(operation, response.code(), response.headers(),
          response.errorBody());
      throw create ? createFailure(e) : e;
    }
    if (create) {
      turnedIntoGet(response.raw());
    }
    dev.replicate4j.generated.model.WirePrediction body = response.body();
    Prediction prediction;
    try {
      prediction = body == null ? null : Prediction.fromJson(JsonCodec.tree(body));
    } catch (ReplicateException e) {
      throw new ConnectionException(operation + " got a malformed response: " + e.getMessage()
          + (create ? ReplicateException.MAY_HAVE_CREATED : ""), e, create);
    }
    if (prediction == null || prediction.id() == null) {
      throw new ConnectionException(operation + " got HTTP " + response.code()
          + " without a prediction in the body"
          + (create ? ReplicateException.MAY_HAVE_CREATED : ""), null, create);
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

  /**
   * Refuses the answer to a create that a 301 or 302 turned into a GET (OkHttp follows those as
   * browsers do): whatever that GET read, it is not what the create made. A 303 is followed: it
   * points at the result of the create.
   */
  private static void turnedIntoGet(okhttp3.Response response) {
    okhttp3.Response redirect = response.priorResponse();
    if (redirect == null || "POST".equals(response.request().method()) || redirect.code() == 303) {
      return;
    }
    okhttp3.HttpUrl to = response.request().url();
    throw new ConnectionException(CREATE + " was answered HTTP " + redirect.code() + " (moved to "
        + MessageText.abbreviate(to.scheme() + "://" + to.host() + ":" + to.port()
            + to.encodedPath()) + "), and a create is not"
        + " re-sent to a new address: check the base URL" + ReplicateException.MAY_HAVE_CREATED,
        null, true);
  }

  /** A create's error answer: a 408 or 5xx may come after the server acted on the request. */
  private static ApiException createFailure(ApiException e) {
    int code = e.statusCode();
    if (code >= 500) {
      return new ServerException(e.getMessage() + ReplicateException.MAY_HAVE_CREATED, code,
          e.problem(), e.headers(), true);
    }
    if (code == 408) {
      return new ApiException(e.getMessage() + ReplicateException.MAY_HAVE_CREATED, code,
          e.problem(), e.headers(), true);
    }
    return e;
  }

  private static ReplicateException failure(String operation, Throwable raw, boolean create) {
    // A create that failed before its request was written cannot have created anything.
    boolean mayHaveCreated = create && !(raw instanceof NotSentException);
    String advice = mayHaveCreated ? ReplicateException.MAY_HAVE_CREATED : "";
    Throwable e = NotSentException.unwrap(raw);
    if (e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
      return new ReplicateException(operation + " was interrupted" + advice, e, mayHaveCreated);
    }
    if (e instanceof JsonDataException || e instanceof com.squareup.moshi.JsonEncodingException) {
      return new ConnectionException(operation + " got a malformed response: " + e.getMessage()
          + advice, e, mayHaveCreated);
    }
    return new ConnectionException(operation + " failed: " + e + advice, e, mayHaveCreated);
  }
}
