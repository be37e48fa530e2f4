package dev.replicate4j;

import dev.replicate4j.ValidationException.Violation;
import java.util.List;

/**
 * Which prediction ids can go into a URL path as they are. An id is a path segment of every get
 * and cancel, so one that would need escaping, or that is {@code .} or {@code ..} (which a path
 * resolves away), is never used.
 */
final class PredictionIds {
  private static final int MAX_LENGTH = 256;

  static final String RULE = "must be 1 to 256 of the characters A-Z a-z 0-9 . _ ~ - "
      + "and not . or ..";

  private PredictionIds() {}

  static boolean usable(String id) {
    if (id == null || id.isEmpty() || id.length() > MAX_LENGTH || id.equals(".")
        || id.equals("..")) {
      return false;
    }
    // A loop, not a regular expression: every create, poll and cancel checks an id.
    for (int i = 0; i < id.length(); i++) {
      if (!unreserved(id.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** RFC 3986's unreserved characters: a segment of them needs no escaping. */
  private static boolean unreserved(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '.' || c == '_' || c == '~' || c == '-';
  }

  /**
   * Checks an id a caller gave, before any request.
   *
   * @throws ValidationException if it is not usable
   */
  static String check(String id) {
    if (!usable(id)) {
      throw invalid(id);
    }
    return id;
  }

  /** The exception for an id that is not usable. */
  static ValidationException invalid(String id) {
    return new ValidationException(List.of(new Violation("prediction", "id",
        id == null ? null : "\"" + MessageText.abbreviate(id) + "\"", RULE)));
  }
}
