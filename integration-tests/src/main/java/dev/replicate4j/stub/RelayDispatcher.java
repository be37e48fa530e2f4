package dev.replicate4j.stub;

import java.net.Socket;
import java.time.Instant;
import java.util.function.IntFunction;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point for every request: records it in the journal, applies a pending fault, and routes
 * it. MockWebServer calls this on the connection's own thread, so a waiting create blocks only
 * its own connection.
 */
final class RelayDispatcher extends Dispatcher {
  private static final Logger log = LoggerFactory.getLogger(RelayDispatcher.class);

  private final Journal journal;
  private final FaultQueue faults;
  private final PredictionEndpoints endpoints;
  private final IntFunction<Socket> connections;

  /**
   * @param connections the accepted socket of a request's connection index, or null
   */
  RelayDispatcher(Journal journal, FaultQueue faults, PredictionEndpoints endpoints,
      IntFunction<Socket> connections) {
    this.journal = journal;
    this.faults = faults;
    this.endpoints = endpoints;
    this.connections = connections;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    Instant arrivedAt = Instant.now();
    HttpUrl url = request.getUrl();
    Route route = Route.of(request.getMethod(), url.encodedPath());
    Fault fault = route.kind() == RequestKind.OTHER ? null : faults.take(route.kind());
    String body = request.getBody() == null ? "" : request.getBody().utf8();
    journal.record(sequence -> new RecordedCall(sequence, route.kind(), request.getMethod(),
        url.encodedPath(), url.encodedQuery(), request.getHeaders(), body, arrivedAt,
        route.predictionId(), fault == null ? null : fault.toString()));
    if (fault != null && (fault.kind == Fault.Kind.STATUS || fault.kind == Fault.Kind.REDIRECT)) {
      return FaultResponses.instead(fault);
    }
    MockResponse response = answer(route, request);
    return fault == null ? response
        : FaultResponses.spoil(fault, response, connections.apply(request.getConnectionIndex()));
  }

  private MockResponse answer(Route route, RecordedRequest request) {
    try {
      if (route.kind() == RequestKind.OTHER) {
        if (route.allowed() != null) {
          return new Problem(405, "Method Not Allowed", request.getMethod() + " is not allowed on "
              + request.getUrl().encodedPath()).toResponse()
              .newBuilder().setHeader("Allow", route.allowed()).build();
        }
        throw Problem.notFound("No such endpoint: " + request.getMethod() + " "
            + request.getUrl().encodedPath());
      }
      return endpoints.handle(route, request);
    } catch (Problem problem) {
      return problem.toResponse();
    } catch (RuntimeException e) {
      log.error("The stub relay failed on {} {}", request.getMethod(), request.getUrl(), e);
      return new Problem(500, "Internal Server Error", "The stub relay failed: " + e).toResponse();
    }
  }
}
