package dev.replicate4j.stub;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Queue;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/** Answers create, get, cancel, list and file requests the way the relay does. */
final class PredictionEndpoints {
  private static final String UPSTREAM_LIST = "https://api.replicate.com/v1/predictions";

  private final Settings settings;
  private final PredictionStore store;
  private final Lifecycle lifecycle;
  private final FileStore files;
  private final Queue<Outcome> outcomes;
  private final Supplier<String> fileBaseUrl;

  PredictionEndpoints(Settings settings, PredictionStore store, Lifecycle lifecycle,
      FileStore files, Queue<Outcome> outcomes, Supplier<String> fileBaseUrl) {
    this.settings = settings;
    this.store = store;
    this.lifecycle = lifecycle;
    this.files = files;
    this.outcomes = outcomes;
    this.fileBaseUrl = fileBaseUrl;
  }

  MockResponse handle(Route route, RecordedRequest request) {
    if (route.kind() == RequestKind.FILE) {
      return file(route);
    }
    authenticate(request.getHeaders().get("Authorization"));
    switch (route.kind()) {
      case CREATE:
        return create(request);
      case GET:
        return json(200, lifecycle.json(existing(route.predictionId())));
      case CANCEL:
        StubPrediction p = existing(route.predictionId());
        lifecycle.cancel(p);
        return json(200, lifecycle.json(p));
      case LIST:
        String cursor = request.getUrl().queryParameter("cursor");
        return json(200, Json.write(
            lifecycle.read(() -> store.page(cursor, settings.listPageSize, UPSTREAM_LIST))));
      default:
        throw new IllegalStateException("No endpoint for " + route.kind());
    }
  }

  private void authenticate(String authorization) {
    if (authorization == null) {
      throw Problem.unauthenticated("You did not pass an authentication token");
    }
    String[] parts = authorization.trim().split("\\s+", 2);
    if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")
        || !parts[1].equals(settings.apiKey)) {
      throw Problem.unauthenticated("You did not pass a valid authentication token");
    }
  }

  private MockResponse create(RecordedRequest request) {
    long waitSeconds = settings.honourPrefer
        ? RequestHeaders.waitSeconds(request.getHeaders().get("Prefer")) : -1;
    Duration cancelAfter = settings.honourCancelAfter
        ? RequestHeaders.cancelAfter(request.getHeaders().get("Cancel-After"), settings.cancelAfterMinimum)
        : null;
    String body = request.getBody() == null ? "" : request.getBody().utf8();
    CreateRequest create = CreateRequest.parse(body, settings.models);
    Outcome outcome = outcomes.poll();
    StubPrediction p = new StubPrediction(store.nextSequence(), create.spec, create.input,
        outcome == null ? Outcome.succeeded() : outcome, Instant.now(), cancelAfter,
        create.webhook, create.webhookEvents, fileBaseUrl.get());
    p.logShape = LogShape.choose(request.getHeaders().get(LogShape.HEADER), settings.logShapes,
        create.input);
    lifecycle.begin(p, settings.scheduleFor(create.spec.model));
    if (waitSeconds > 0) {
      lifecycle.awaitTerminal(p, waitSeconds);
    }
    Map<String, Object> answer = lifecycle.read(p::toJson);
    boolean terminal = StubPrediction.TERMINAL.contains(answer.get("status"));
    if (waitSeconds > 0 && !terminal) {
      // The official spec: a sync-mode create that outlives its wait comes back "starting",
      // whatever the prediction is doing; a poll tells the rest.
      answer.put("status", "starting");
    }
    int code = settings.successCodes == SuccessCodes.RELAY_200 ? 200 : terminal ? 201 : 202;
    return json(code, Json.write(answer));
  }

  private StubPrediction existing(String id) {
    StubPrediction p = store.find(id);
    if (p == null) {
      throw Problem.notFound("Prediction " + id + " was not found");
    }
    return p;
  }

  private MockResponse file(Route route) {
    FileStore.StoredFile file = files.find(route.predictionId(), route.fileName());
    if (file == null) {
      throw Problem.notFound(
          "No file " + route.fileName() + " for prediction " + route.predictionId());
    }
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", file.format.contentType)
        .body(new Buffer().write(file.bytes))
        .build();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }
}
