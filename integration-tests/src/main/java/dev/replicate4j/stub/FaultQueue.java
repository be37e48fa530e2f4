package dev.replicate4j.stub;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;

/** Faults waiting for the next requests of each kind, first in first out. */
final class FaultQueue {
  private final Map<RequestKind, Deque<Fault>> queues = new EnumMap<>(RequestKind.class);

  synchronized void add(RequestKind kind, int times, Fault fault) {
    if (kind == RequestKind.OTHER) {
      throw new IllegalArgumentException("Faults target create, get, cancel, list or file requests");
    }
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1, got " + times);
    }
    Deque<Fault> queue = queues.computeIfAbsent(kind, k -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      queue.add(fault);
    }
  }

  /** The fault for this request, or null. */
  synchronized Fault take(RequestKind kind) {
    Deque<Fault> queue = queues.get(kind);
    return queue == null ? null : queue.poll();
  }

  synchronized int pending(RequestKind kind) {
    Deque<Fault> queue = queues.get(kind);
    return queue == null ? 0 : queue.size();
  }

  synchronized void clear() {
    queues.clear();
  }
}
