package dev.replicate4j.stub;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;

/** The body of a create request, checked the way the relay checks it. */
final class CreateRequest {
  static final Set<String> EVENTS = Set.of("start", "output", "logs", "completed");
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

  final ModelSpec spec;
  final Map<String, Object> input;
  final String webhook;
  final Set<String> webhookEvents;

  private CreateRequest(ModelSpec spec, Map<String, Object> input, String webhook,
      Set<String> webhookEvents) {
    this.spec = spec;
    this.input = input;
    this.webhook = webhook;
    this.webhookEvents = webhookEvents;
  }

  /** Parses and checks the body; throws a {@link Problem} naming what is wrong. */
  @SuppressWarnings("unchecked")
  static CreateRequest parse(String body, ModelTable models) {
    Object parsed;
    try {
      parsed = body.isBlank() ? null : Json.parse(body);
    } catch (RuntimeException e) {
      throw Problem.badRequest("The request body is not valid JSON: " + e.getMessage());
    }
    if (!(parsed instanceof Map)) {
      throw Problem.badRequest("The request body must be a JSON object with version and input");
    }
    Map<String, Object> json = (Map<String, Object>) parsed;
    ModelSpec spec = models.resolve(json.get("version"));
    Object input = json.get("input");
    if (!(input instanceof Map)) {
      throw Problem.invalid("input is required and must be a JSON object")
          .with("invalid_fields", InvalidFields.of("input", "input must be an object"));
    }
    Map<String, Object> inputMap = (Map<String, Object>) input;
    List<ModelSpec.InvalidField> invalid = spec.check(inputMap);
    if (!invalid.isEmpty()) {
      throw InvalidFields.problem(spec.model, invalid);
    }
    String webhook = webhook(json.get("webhook"));
    return new CreateRequest(spec, inputMap, webhook, events(json.get("webhook_events_filter")));
  }

  private static String webhook(Object value) {
    if (value == null) {
      return null;
    }
    HttpUrl url = value instanceof String ? HttpUrl.parse((String) value) : null;
    boolean ok = url != null
        && (url.scheme().equals("https") || LOOPBACK.contains(url.host()));
    if (!ok) {
      String detail = "webhook must be an HTTPS URL (plain http only to loopback), got "
          + Json.write(value);
      throw Problem.invalid(detail).with("invalid_fields", InvalidFields.of("webhook", detail));
    }
    return url.toString();
  }

  private static Set<String> events(Object value) {
    if (value == null) {
      return EVENTS;
    }
    Set<String> events = new LinkedHashSet<>();
    if (value instanceof List) {
      for (Object item : (List<?>) value) {
        if (!EVENTS.contains(item)) {
          events.clear();
          break;
        }
        events.add((String) item);
      }
    }
    if (events.isEmpty()) {
      String detail = "webhook_events_filter must be a non-empty list of start, output, logs, "
          + "completed; got " + Json.write(value);
      throw Problem.invalid(detail)
          .with("invalid_fields", InvalidFields.of("webhook_events_filter", detail));
    }
    return events;
  }
}
