package dev.replicate4j.stub;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every prediction, in order of creation. It guards only its own collection; the predictions'
 * state belongs to {@link Lifecycle}, which changes it and under whose lock it is read.
 */
final class PredictionStore {
  private final Map<String, StubPrediction> byId = new HashMap<>();
  private final List<StubPrediction> inOrder = new ArrayList<>();
  private final AtomicLong sequence = new AtomicLong();

  long nextSequence() {
    return sequence.incrementAndGet();
  }

  synchronized void add(StubPrediction p) {
    byId.put(p.id, p);
    inOrder.add(p);
  }

  /** The prediction, or null. Read or change its state only through {@link Lifecycle}. */
  synchronized StubPrediction find(String id) {
    return byId.get(id);
  }

  synchronized int size() {
    return inOrder.size();
  }

  /**
   * One page of the list, newest first, as {@code {next, previous, results}}. Cursors are opaque
   * to clients: "before sequence n" or "after sequence n", base64url-encoded. It reads the
   * predictions' state: call it through {@link Lifecycle#read}.
   */
  synchronized Map<String, Object> page(String cursor, int size, String upstreamListUrl) {
    List<StubPrediction> newestFirst = new ArrayList<>(inOrder);
    Collections.reverse(newestFirst);
    List<StubPrediction> page = new ArrayList<>();
    if (cursor != null && decode(cursor).startsWith("a")) {
      long after = number(cursor);
      List<StubPrediction> newer = new ArrayList<>();
      for (StubPrediction p : newestFirst) {
        if (p.sequence > after) {
          newer.add(p);
        }
      }
      page.addAll(newer.subList(Math.max(0, newer.size() - size), newer.size()));
    } else {
      long before = cursor == null ? Long.MAX_VALUE : number(cursor);
      for (StubPrediction p : newestFirst) {
        if (p.sequence < before && page.size() < size) {
          page.add(p);
        }
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    boolean older = !page.isEmpty() && inOrder.get(0).sequence < last(page).sequence;
    boolean newer = !page.isEmpty() && inOrder.get(inOrder.size() - 1).sequence > page.get(0).sequence;
    body.put("next", older ? upstreamListUrl + "?cursor=" + encode("b" + last(page).sequence) : null);
    body.put("previous", newer ? upstreamListUrl + "?cursor=" + encode("a" + page.get(0).sequence) : null);
    List<Object> results = new ArrayList<>();
    for (StubPrediction p : page) {
      results.add(p.toJson());
    }
    body.put("results", results);
    return body;
  }

  private static StubPrediction last(List<StubPrediction> page) {
    return page.get(page.size() - 1);
  }

  private static String encode(String raw) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String cursor) {
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw Problem.badRequest("cursor '" + cursor + "' is not a cursor this server gave out");
    }
  }

  private static long number(String cursor) {
    String raw = decode(cursor);
    try {
      if (raw.length() < 2 || (raw.charAt(0) != 'a' && raw.charAt(0) != 'b')) {
        throw new NumberFormatException(raw);
      }
      return Long.parseLong(raw.substring(1));
    } catch (NumberFormatException e) {
      throw Problem.badRequest("cursor '" + cursor + "' is not a cursor this server gave out");
    }
  }
}
