package dev.replicate4j.it;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Distinct seeds for the whole suite, so that every create body is unique and a body seen twice in
 * a journal can only be a re-sent request.
 */
final class Seeds {
  private static final AtomicLong NEXT = new AtomicLong(1000);

  private Seeds() {}

  static long next() {
    return NEXT.getAndIncrement();
  }
}
