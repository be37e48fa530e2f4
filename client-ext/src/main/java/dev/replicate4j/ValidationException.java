package dev.replicate4j;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input rejected before any request was sent. Holds every violation found, not just the first;
 * the message lists the first {@value #MAX_LISTED} and says how many more there are, and each
 * part of a violation is abbreviated there, so the message stays short whatever the input.
 */
public final class ValidationException extends ReplicateException {
  private static final long serialVersionUID = 1L;

  /** The most violations a message lists; {@link #violations()} has them all. */
  public static final int MAX_LISTED = 20;

  private final transient List<Violation> violations;

  /**
   * Creates the exception.
   *
   * @param violations what was wrong, at least one
   */
  public ValidationException(List<Violation> violations) {
    super(describe(violations));
    this.violations = List.copyOf(violations);
  }

  /**
   * Every violation found.
   *
   * @return the violations, in the order they were found
   */
  public List<Violation> violations() {
    return violations;
  }

  private static String describe(List<Violation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a ValidationException needs at least one violation");
    }
    if (violations.size() == 1) {
      return violations.get(0).message();
    }
    String listed = violations.stream().limit(MAX_LISTED).map(v -> "  - " + v.message())
        .collect(Collectors.joining("\n"));
    int more = violations.size() - MAX_LISTED;
    return violations.size() + " invalid inputs:\n" + listed
        + (more > 0 ? "\n  - and " + more + " more" : "");
  }

  /**
   * One broken rule.
   *
   * @param model the model ({@code owner/name}) or other subject being validated
   * @param field the input field
   * @param value the rejected value, as text (null when the field was missing)
   * @param rule the rule it broke, in words
   */
  public record Violation(String model, String field, String value, String rule) {
    /** Rules name allowed values and can be long, but not without bound. */
    private static final int MAX_RULE = 2000;

    /**
     * A one-line description naming the model, field, value and rule.
     *
     * @return the message
     */
    public String message() {
      return MessageText.abbreviate(model) + ": " + MessageText.abbreviate(field)
          + (value == null ? " is missing" : " = " + MessageText.abbreviate(value)) + ": "
          + MessageText.abbreviate(rule, MAX_RULE);
    }
  }
}
