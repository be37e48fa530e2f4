package dev.replicate4j;

import dev.replicate4j.ValidationException.Violation;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which prediction ids can go into a URL path as they are. An id is a path segment of every get
 * and cancel, so one that would need escaping, or that is {@code .} or {@code ..} (which a path
 * resolves away), is never used.
 */
final class PredictionIds {
  /** RFC 3986's unreserved characters: a segment of them needs no escaping. */
  private static final Pattern USABLE = Pattern.compile("[A-Za-z0-9._~-]{1,256}");

  static final String RULE = "must be 1 to 256 of the characters A-Z a-z 0-9 . _ ~ - "
      + "and not . or ..";

  private PredictionIds() {}

  static boolean usable(String id) {
    return id != null && USABLE.matcher(id).matches() && !id.equals(".") && !id.equals("..");
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
