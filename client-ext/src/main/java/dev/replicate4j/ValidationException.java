package dev.replicate4j;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input rejected before any request was sent. Lists every violation found, not just the first.
 */
public final class ValidationException extends ReplicateException {
  private static final long serialVersionUID = 1L;

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
    return violations.size() + " invalid inputs:\n"
        + violations.stream().map(v -> "  - " + v.message()).collect(Collectors.joining("\n"));
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
    /**
     * A one-line description naming the model, field, value and rule.
     *
     * @return the message
     */
    public String message() {
      return model + ": " + field + (value == null ? " is missing" : " = " + value) + ": " + rule;
    }
  }
}
