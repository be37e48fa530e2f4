package dev.replicate4j.stub;

import dev.replicate4j.ExactJson;

/**
 * JSON in and out the way the SDK reads it ({@link ExactJson}): integers stay integers, big ones
 * exact, and nulls are kept. The stub and the SDK so judge every number alike.
 */
final class Json {
  private Json() {}

  /** Parses any JSON value; throws a {@code ReplicateException} if it is not JSON. */
  static Object parse(String text) {
    return ExactJson.parse(text);
  }

  static String write(Object value) {
    return ExactJson.write(value);
  }
}
