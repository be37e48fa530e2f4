package dev.replicate4j;

/**
 * Server-sent values as exception messages and {@code toString()} show them: bounded in length and
 * never failing, whatever the value.
 */
final class MessageText {
  static final int MAX_SHOWN = 200;

  private MessageText() {}

  /** Cuts long text, saying how long it was. */
  static String abbreviate(String text) {
    return abbreviate(text, MAX_SHOWN);
  }

  /** Cuts text longer than {@code max} characters, saying how long it was. */
  static String abbreviate(String text, int max) {
    if (text == null) {
      return "null";
    }
    return text.length() <= max ? text
        : text.substring(0, max) + "… (" + text.length() + " chars)";
  }

  /** A JSON value compactly written, in full; {@link String#valueOf} if it cannot be written. */
  static String json(Object value) {
    try {
      return ExactJson.write(value);
    } catch (RuntimeException e) {
      // Not a value ExactJson reads (a caller-built map, an infinite double): still say something.
      return String.valueOf(value);
    }
  }

  /** A JSON value for a message: strings as they are, anything else as JSON; abbreviated. */
  static String shown(Object value) {
    return abbreviate(value instanceof String ? (String) value : json(value));
  }
}
