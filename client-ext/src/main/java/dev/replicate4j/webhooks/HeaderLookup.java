package dev.replicate4j.webhooks;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Finds the webhook headers, whatever the case of their names, and insists on one value each. */
final class HeaderLookup {
  private HeaderLookup() {}

  /**
   * A lookup over a header map whose keys may have any case (servers differ: the JDK's server
   * capitalises the first letter, HTTP/2 lower-cases everything). Null keys, which some clients use
   * for the status line, are skipped.
   */
  static Function<String, String> of(Map<String, List<String>> headers) {
    return name -> {
      String found = null;
      int count = 0;
      for (Map.Entry<String, List<String>> header : headers.entrySet()) {
        if (header.getKey() == null || !header.getKey().equalsIgnoreCase(name)
            || header.getValue() == null) {
          continue;
        }
        for (String value : header.getValue()) {
          count++;
          found = value;
        }
      }
      if (count > 1) {
        throw WebhookVerificationException.malformedHeader(
            name, "appears " + count + " times; a delivery has exactly one");
      }
      return found;
    };
  }

  /** The value of a required header: present and not blank. */
  static String require(Function<String, String> lookup, String name) {
    String value = lookup.apply(name);
    if (value == null) {
      throw WebhookVerificationException.missingHeader(name);
    }
    if (value.isBlank()) {
      throw WebhookVerificationException.malformedHeader(name, "is empty");
    }
    return value;
  }
}
