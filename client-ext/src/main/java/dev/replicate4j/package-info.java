/**
 * The client for ChainHub's relay (and any server with Replicate's predictions API): create, run,
 * wait for, read and cancel predictions.
 *
 * <h2>Start here</h2>
 * <ul>
 *   <li>{@link dev.replicate4j.ReplicateClient}: {@code run}/{@code runAsync} to run a model to its
 *       output, {@code create}/{@code createAsync} for a {@link dev.replicate4j.PredictionHandle}
 *       to wait on later, {@code resume}/{@code resumeAsync} from an id, {@code get}/{@code cancel}
 *       and their async twins. Models and their typed inputs and outputs are in
 *       {@link dev.replicate4j.models}; signed webhooks are checked by
 *       {@link dev.replicate4j.webhooks}.
 *   <li>{@link dev.replicate4j.PredictionHandle}: one prediction that may still run: its latest
 *       state, listeners ({@link dev.replicate4j.PredictionListener}), waits, its output, and
 *       {@code cancel()}.
 * </ul>
 *
 * <h2>Configure</h2>
 * <ul>
 *   <li>{@link dev.replicate4j.ReplicateClientBuilder}: key, base URL, timeouts, HTTP client,
 *       scheduler, download limits, and the defaults below.
 *   <li>{@link dev.replicate4j.CreateOptions}: everything sent with a create besides the input:
 *       sync mode ({@code Prefer: wait}), {@code Cancel-After}, webhook and its events
 *       ({@link dev.replicate4j.WebhookEventType}).
 *   <li>{@link dev.replicate4j.PollingPolicy}: how to wait: delays, deadline, whether the deadline
 *       cancels remotely, following the logs' progress bar.
 *   <li>{@link dev.replicate4j.RetryPolicy}: how a failed request is retried.
 * </ul>
 * The option types are immutable values with builders and {@code toBuilder()}.
 *
 * <h2>Results</h2>
 * {@link dev.replicate4j.Prediction} (the server's JSON, read on demand; absent fields are
 * {@code Optional}), {@link dev.replicate4j.PredictionStatus}, {@link dev.replicate4j.VersionRef},
 * {@link dev.replicate4j.ProblemDetails}, {@link dev.replicate4j.ExactJson}.
 *
 * <h2>Errors</h2>
 * Every failure is a {@link dev.replicate4j.ReplicateException}, sync or in a future:
 * <ul>
 *   <li>the server said no: {@link dev.replicate4j.ApiException} and its kinds
 *       ({@link dev.replicate4j.AuthenticationException}, {@link dev.replicate4j.NotFoundException},
 *       {@link dev.replicate4j.InvalidInputException}, {@link dev.replicate4j.RateLimitException},
 *       {@link dev.replicate4j.ServerException},
 *       {@link dev.replicate4j.CancelNotSupportedException});
 *   <li>no answer: {@link dev.replicate4j.ConnectionException} (with {@code mayHaveCreated()});
 *       an answer that could not be read: {@link dev.replicate4j.MalformedResponseException};
 *   <li>the prediction ended badly: {@link dev.replicate4j.PredictionException}
 *       ({@link dev.replicate4j.PredictionFailedException},
 *       {@link dev.replicate4j.PredictionCanceledException},
 *       {@link dev.replicate4j.PredictionAbortedException}),
 *       {@link dev.replicate4j.OutputExpiredException}; the wait ran out:
 *       {@link dev.replicate4j.PredictionTimeoutException};
 *   <li>refused before sending: {@link dev.replicate4j.ValidationException}; downloads:
 *       {@link dev.replicate4j.DownloadException}, {@link dev.replicate4j.DownloadRefusedException}.
 * </ul>
 *
 * <h2>How the rooms call each other</h2>
 * Calls go one way, down; nothing below calls back up except through a callback it was given.
 * <pre>
 * ReplicateClientBuilder --build()--&gt; ClientConfig (immutable)
 *                                          |
 * ReplicateClient --------------------&gt; ClientParts.wire(config)
 *   | run, runAsync, create, resume        |-- Transport: one common OkHttp client; the async,
 *   v                                      |     sync (+ retries) and download clients derive from it
 * PredictionRunner  (create, then hand over; a run's deadline and remote cancel)
 *   |                                      |-- ApiCalls: create / get / cancel, sync and async,
 *   v                                      |     every failure a ReplicateException
 * PredictionHandle  (latest state, listeners, waits, cancel)
 *   |  ChangeReporter: latest() and each change once, under one lock
 *   v
 * Waits --&gt; Waiter  (polls through ApiCalls on the scheduler; reports each state to the
 *                    handle through the callback it was given; EndEstimator reads progress)
 * </pre>
 * The client's {@code get}/{@code cancel} and a handle's {@code refresh}/{@code cancel} go
 * straight to ApiCalls. Stopping a wait (its deadline, an interrupt, cancelling an
 * {@code awaitAsync} future) never cancels the prediction; only {@code cancel()}, a run's deadline
 * (under {@link dev.replicate4j.PollingPolicy#cancelOnDeadline()}) and cancelling a
 * {@code runAsync} future, whose prediction nobody else can read, do.
 */
package dev.replicate4j;
