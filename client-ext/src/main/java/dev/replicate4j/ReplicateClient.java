package dev.replicate4j;

import dev.replicate4j.generated.model.WirePredictionRequest;
import dev.replicate4j.generated.model.WireWebhookEvent;
import dev.replicate4j.models.FileDownloader;
import dev.replicate4j.models.Model;
import dev.replicate4j.models.ModelInput;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The entry point: creates, reads, waits for and cancels predictions on ChainHub's relay (or any
 * server with Replicate's predictions API).
 *
 * <pre>{@code
 * try (ReplicateClient client = ReplicateClient.fromEnv()) {
 *   FileOutputs images = client.run(Models.SDXL, SdxlInput.builder().prompt("a lighthouse").build());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe; share one per application. {@link #close()} releases only what the
 * client created itself (not an {@link OkHttpClient} or scheduler you passed in).
 */
public final class ReplicateClient implements AutoCloseable {
  /** The relay's address, used when no base URL is configured. */
  public static final String DEFAULT_BASE_URL = "https://api.chainhub.tech";
  /** The environment variable holding the API key. */
  public static final String API_KEY_ENV = "CHAINHUB_API_KEY";
  /** The environment variable that overrides the base URL. */
  public static final String BASE_URL_ENV = "CHAINHUB_BASE_URL";

  private final HttpUrl baseUrl;
  private final ClientParts parts;
  private final PredictionRunner runner;
  private final PollingPolicy pollingPolicy;
  private final CreateOptions runOptions;
  /** Async runs hold no connection per prediction: the run options without sync mode. */
  private final CreateOptions asyncRunOptions;
  private final FileDownloader downloader;

  ReplicateClient(ClientConfig config) {
    this.baseUrl = config.baseUrl();
    this.pollingPolicy = config.pollingPolicy();
    this.runOptions = config.runOptions();
    this.asyncRunOptions = runOptions.toBuilder().preferWaitSeconds(null).build();
    this.parts = ClientParts.wire(config);
    this.runner = parts.runner();
    this.downloader = parts.downloader();
  }

  /**
   * A builder; set at least the API key (or call {@link ReplicateClientBuilder#fromEnv()}).
   *
   * @return a new builder
   */
  public static ReplicateClientBuilder builder() {
    return new ReplicateClientBuilder();
  }

  /**
   * A client configured from {@value #API_KEY_ENV} and, if set, {@value #BASE_URL_ENV}.
   *
   * @return the client
   * @throws IllegalStateException if {@value #API_KEY_ENV} is not set
   */
  public static ReplicateClient fromEnv() {
    return builder().fromEnv().build();
  }

  /**
   * Creates a prediction and returns at once (no sync mode unless the options ask for it).
   *
   *
   * <p>A shorthand for a version held as text with a plain input map (a script, a configuration
   * file, a payload from another service), the same as the typed method with
   * {@code Models.generic(version)} and {@code GenericInput.of(input)}, which validates the map's
   * keys and values first.
   * @param version {@code <64-hex>}, {@code owner/name:<64-hex>} or {@code owner/name}; anything
   *     else is a {@link ValidationException}, before any request
   * @param input the model's input as JSON-ready values
   * @return a handle on the new prediction; its output is the raw JSON output
   */
  public PredictionHandle<Object> create(String version, Map<String, Object> input) {
    return create(version, input, CreateOptions.NONE);
  }

  /**
   * Creates a prediction with options (webhook, server-side deadline, sync mode).
   *
   *
   * <p>A shorthand for a version held as text with a plain input map (a script, a configuration
   * file, a payload from another service), the same as the typed method with
   * {@code Models.generic(version)} and {@code GenericInput.of(input)}, which validates the map's
   * keys and values first.
   * @param version {@code <64-hex>}, {@code owner/name:<64-hex>} or {@code owner/name}; anything
   *     else is a {@link ValidationException}, before any request
   * @param input the model's input as JSON-ready values
   * @param options the options
   * @return a handle on the new prediction; its output is the raw JSON output
   */
  public PredictionHandle<Object> create(String version, Map<String, Object> input,
      CreateOptions options) {
    return runner.createHandle(request(version(version), input, options), options,
        Prediction::output);
  }

  /**
   * Runs a prediction to the end: creates it with the client's run options (by default sync mode),
   * polls if it is not finished on return, and returns its raw output. The remote prediction is
   * canceled if the policy's deadline passes.
   *
   *
   * <p>A shorthand for a version held as text with a plain input map (a script, a configuration
   * file, a payload from another service), the same as the typed method with
   * {@code Models.generic(version)} and {@code GenericInput.of(input)}, which validates the map's
   * keys and values first.
   * @param version {@code <64-hex>}, {@code owner/name:<64-hex>} or {@code owner/name}; anything
   *     else is a {@link ValidationException}, before any request
   * @param input the model's input as JSON-ready values
   * @return the raw JSON output
   * @throws PredictionException if the prediction failed, was canceled or aborted
   * @throws PredictionTimeoutException if the deadline passed first
   */
  public Object run(String version, Map<String, Object> input) {
    return runner.run(request(version(version), input, runOptions), runOptions,
        pollingPolicy, Prediction::output);
  }

  /**
   * Runs a catalog (or your own) model to the end and returns its typed output: creates the
   * prediction with the client's run options (by default sync mode, {@link CreateOptions#SYNC}),
   * polls if it is not finished on return, and cancels the remote prediction if the polling
   * policy's deadline passes.
   *
   * @param model the model, e.g. {@code Models.SDXL}
   * @param input the validated input built for that model
   * @param <I> the input type
   * @param <O> the output type
   * @return the typed output
   * @throws PredictionException if the prediction failed, was canceled or aborted
   * @throws OutputExpiredException if the output was removed before it was read
   * @throws PredictionTimeoutException if the deadline passed first
   */
  public <I extends ModelInput, O> O run(Model<I, O> model, I input) {
    return run(model, input, runOptions, pollingPolicy);
  }

  /**
   * Runs a model to the end under the given polling policy, with the client's run options.
   *
   * @param model the model
   * @param input the validated input
   * @param policy delays, deadline and whether the deadline cancels remotely
   * @param <I> the input type
   * @param <O> the output type
   * @return the typed output
   */
  public <I extends ModelInput, O> O run(Model<I, O> model, I input, PollingPolicy policy) {
    return run(model, input, runOptions, policy);
  }

  /**
   * Runs a model to the end, sending the given options with the create (a webhook, say) and
   * waiting under the given policy. A sync-mode wait is shortened to end before the deadline.
   *
   * @param model the model
   * @param input the validated input
   * @param options what the create sends: sync mode, {@code Cancel-After}, webhook
   * @param policy delays, deadline and whether the deadline cancels remotely
   * @param <I> the input type
   * @param <O> the output type
   * @return the typed output
   */
  public <I extends ModelInput, O> O run(Model<I, O> model, I input, CreateOptions options,
      PollingPolicy policy) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(policy, "policy");
    return runner.run(request(model, input, options), options, policy, outputReader(model));
  }

  /**
   * Runs a model asynchronously. No thread is held while it runs: creation and polls are
   * asynchronous requests and delays are scheduled. Async runs send the client's run options but
   * poll rather than use sync mode, so thousands can be in flight on a few threads (pass
   * {@link CreateOptions} to ask for sync mode anyway). Cancelling the future stops polling <em>and
   * cancels the remote prediction</em>.
   *
   * @param model the model
   * @param input the validated input
   * @param <I> the input type
   * @param <O> the output type
   * @return a future of the typed output, failing as {@link #run(Model, ModelInput)} throws
   */
  public <I extends ModelInput, O> CompletableFuture<O> runAsync(Model<I, O> model, I input) {
    return runAsync(model, input, asyncRunOptions, pollingPolicy);
  }

  /**
   * Runs a model asynchronously under the given polling policy, with the client's run options
   * less sync mode.
   *
   * @param model the model
   * @param input the validated input
   * @param policy delays, deadline and whether the deadline cancels remotely
   * @param <I> the input type
   * @param <O> the output type
   * @return a future of the typed output
   */
  public <I extends ModelInput, O> CompletableFuture<O> runAsync(Model<I, O> model, I input,
      PollingPolicy policy) {
    return runAsync(model, input, asyncRunOptions, policy);
  }

  /**
   * Runs a model asynchronously, sending the given options with the create as they are (sync mode
   * included, shortened to end before the deadline) and waiting under the given policy.
   *
   * @param model the model
   * @param input the validated input
   * @param options what the create sends: sync mode, {@code Cancel-After}, webhook
   * @param policy delays, deadline and whether the deadline cancels remotely
   * @param <I> the input type
   * @param <O> the output type
   * @return a future of the typed output
   */
  public <I extends ModelInput, O> CompletableFuture<O> runAsync(Model<I, O> model, I input,
      CreateOptions options, PollingPolicy policy) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(policy, "policy");
    return runner.runAsync(request(model, input, options), options, policy, outputReader(model));
  }

  /**
   * Creates a prediction of a model and returns at once with a handle to wait on.
   *
   * @param model the model
   * @param input the validated input
   * @param <I> the input type
   * @param <O> the output type
   * @return a handle whose {@link PredictionHandle#output()} is typed
   */
  public <I extends ModelInput, O> PredictionHandle<O> create(Model<I, O> model, I input) {
    return create(model, input, CreateOptions.NONE);
  }

  /**
   * Creates a prediction of a model with options (webhook, server-side deadline, sync mode).
   *
   * @param model the model
   * @param input the validated input
   * @param options the options
   * @param <I> the input type
   * @param <O> the output type
   * @return a handle whose {@link PredictionHandle#output()} is typed
   */
  public <I extends ModelInput, O> PredictionHandle<O> create(Model<I, O> model, I input,
      CreateOptions options) {
    return runner.createHandle(request(model, input, options), options, outputReader(model));
  }

  /**
   * A handle on an existing prediction of a known model, from its id alone (no request is made).
   *
   * @param id the prediction's id
   * @param model the model it runs, for the typed output
   * @param <O> the output type
   * @return the handle
   */
  public <O> PredictionHandle<O> resume(String id, Model<?, O> model) {
    return runner.resume(PredictionIds.check(id), outputReader(model));
  }

  /**
   * Creates a prediction of a model without blocking; see {@link #create(Model, ModelInput)}.
   *
   * @param model the model
   * @param input the validated input
   * @param <I> the input type
   * @param <O> the output type
   * @return a future of the handle, failing with a {@link ReplicateException} as
   *     {@link #create(Model, ModelInput)} throws
   */
  public <I extends ModelInput, O> CompletableFuture<PredictionHandle<O>> createAsync(
      Model<I, O> model, I input) {
    return createAsync(model, input, CreateOptions.NONE);
  }

  /**
   * Creates a prediction of a model with options, without blocking; see
   * {@link #create(Model, ModelInput, CreateOptions)}.
   *
   * @param model the model
   * @param input the validated input
   * @param options the options
   * @param <I> the input type
   * @param <O> the output type
   * @return a future of the handle, failing with a {@link ReplicateException}
   */
  public <I extends ModelInput, O> CompletableFuture<PredictionHandle<O>> createAsync(
      Model<I, O> model, I input, CreateOptions options) {
    return runner.createHandleAsync(request(model, input, options), options, outputReader(model));
  }

  /**
   * A handle on an existing prediction of a known model, with its current state read first
   * without blocking ({@link PredictionHandle#latest()} is then present).
   *
   * @param id the prediction's id
   * @param model the model it runs, for the typed output
   * @param <O> the output type
   * @return a future of the handle, failing with a {@link ReplicateException} (a
   *     {@link NotFoundException} for an unknown id)
   */
  public <O> CompletableFuture<PredictionHandle<O>> resumeAsync(String id, Model<?, O> model) {
    return runner.resumeAsync(id, outputReader(model));
  }

  /**
   * A handle on an existing prediction with its current state read first, without blocking; its
   * output is the raw JSON output.
   *
   * @param id the prediction's id
   * @return a future of the handle, failing with a {@link ReplicateException}
   */
  public CompletableFuture<PredictionHandle<Object>> resumeAsync(String id) {
    return runner.resumeAsync(id, Prediction::output);
  }

  /**
   * Runs a prediction asynchronously by version reference; see
   * {@link #runAsync(Model, ModelInput)}.
   *
   *
   * <p>A shorthand for a version held as text with a plain input map (a script, a configuration
   * file, a payload from another service), the same as the typed method with
   * {@code Models.generic(version)} and {@code GenericInput.of(input)}, which validates the map's
   * keys and values first.
   * @param version {@code <64-hex>}, {@code owner/name:<64-hex>} or {@code owner/name}; anything
   *     else is a {@link ValidationException}, before any request
   * @param input the model's input as JSON-ready values
   * @return a future of the raw JSON output
   */
  public CompletableFuture<Object> runAsync(String version, Map<String, Object> input) {
    CreateOptions options = asyncRunOptions;
    return runner.runAsync(request(version(version), input, options), options,
        pollingPolicy, Prediction::output);
  }

  /**
   * Reads a prediction's current state.
   *
   * @param id the prediction's id
   * @return the prediction
   */
  public Prediction get(String id) {
    parts.waits().checkOpen();
    return parts.calls().get(PredictionIds.check(id));
  }

  /**
   * Reads a prediction's current state without blocking, with the client's retries.
   *
   * @param id the prediction's id
   * @return a future of the prediction, failing with a {@link ReplicateException} (a
   *     {@link ValidationException} for an unusable id, {@link NotFoundException} for an unknown
   *     one)
   */
  public CompletableFuture<Prediction> getAsync(String id) {
    return parts.waits().ifOpen(() -> parts.calls().getAsync(id));
  }

  /**
   * Asks the server to cancel a prediction.
   *
   * @param id the prediction's id
   * @return the prediction as the server answered
   * @throws CancelNotSupportedException if the server does not offer cancelling
   */
  public Prediction cancel(String id) {
    parts.waits().checkOpen();
    return parts.calls().cancel(PredictionIds.check(id));
  }

  /**
   * Asks the server to cancel a prediction, without blocking.
   *
   * @param id the prediction's id
   * @return a future of the prediction as the server answered, failing with a
   *     {@link ReplicateException} ({@link CancelNotSupportedException} if the server does not
   *     offer cancelling)
   */
  public CompletableFuture<Prediction> cancelAsync(String id) {
    return parts.waits().ifOpen(() -> parts.calls().cancelAsync(id));
  }

  /**
   * A handle on an existing prediction, from its id alone (no request is made).
   *
   *
   * <p>For code that keeps only ids and reads raw outputs; {@link #resume(String, Model)} gives
   * the typed output.
   * @param id the prediction's id
   * @return the handle; its output is the raw JSON output
   */
  public PredictionHandle<Object> resume(String id) {
    return runner.resume(PredictionIds.check(id), Prediction::output);
  }

  /**
   * The base URL every request is built from.
   *
   * @return the base URL, ending in a slash
   */
  public String baseUrl() {
    return baseUrl.toString();
  }

  /**
   * The polling policy used by runs and by handle waits without an explicit policy.
   *
   * @return the policy
   */
  public PollingPolicy pollingPolicy() {
    return pollingPolicy;
  }

  /**
   * What runs send with their create unless given other options (default {@link CreateOptions#SYNC}).
   *
   * @return the options
   */
  public CreateOptions runOptions() {
    return runOptions;
  }

  /**
   * Ends the waits still in progress (their futures and blocked calls fail with a
   * {@link ReplicateException}; the predictions themselves are not canceled), then stops what the
   * client owns: its scheduler, and its HTTP threads and connections if it made them. Every call
   * made afterwards, on the client or its handles, fails at once with a {@link ReplicateException}
   * and sends nothing.
   */
  @Override
  public void close() {
    parts.close();
  }

  @Override
  public String toString() {
    return "ReplicateClient{baseUrl=" + baseUrl + ", apiKey=<redacted>}";
  }

  static WirePredictionRequest request(VersionRef version, Map<String, Object> input,
      CreateOptions options) {
    Objects.requireNonNull(input, "input");
    WirePredictionRequest request = new WirePredictionRequest().version(version.wireValue())
        .input(new java.util.LinkedHashMap<>(input));
    options.webhook().ifPresent(request::webhook);
    options.webhookEvents().ifPresent(events -> request.webhookEventsFilter(events.stream()
        .map(e -> WireWebhookEvent.fromValue(e.wireValue()))
        .collect(Collectors.toList())));
    return request;
  }

  /** A version held as text, refused before any request like a bad prediction id. */
  private static VersionRef version(String text) {
    try {
      return VersionRef.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ValidationException(List.of(new ValidationException.Violation("prediction",
          "version", text == null ? null : "\"" + text + "\"", e.getMessage())));
    }
  }

  private <O> Function<Prediction, O> outputReader(Model<?, O> model) {
    Objects.requireNonNull(model, "model");
    return p -> model.parseOutput(p.output(), downloader);
  }

  private static <I extends ModelInput> WirePredictionRequest request(Model<I, ?> model, I input,
      CreateOptions options) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(input, "input");
    return request(model.ref(), input.toWire(), options);
  }
}
