package dev.replicate4j.models;

import dev.replicate4j.ReplicateException;
import java.util.List;

/** A model reference that is not in the catalog. The message lists the models that are. */
public final class UnknownModelException extends ReplicateException {
  private static final long serialVersionUID = 1L;

  private final String reference;

  UnknownModelException(String reference, String why, List<Model<?, ?>> known) {
    super(describe(reference, why, known));
    this.reference = reference;
  }

  /**
   * The reference that was looked up.
   *
   * @return the reference as given
   */
  public String reference() {
    return reference;
  }

  private static String describe(String reference, String why, List<Model<?, ?>> known) {
    StringBuilder text = new StringBuilder("Unknown model '").append(reference).append("': ")
        .append(why).append(". Known models:");
    for (Model<?, ?> model : known) {
      text.append("\n  ").append(model.ref()).append(" (").append(model.task()).append(')');
    }
    if (known.isEmpty()) {
      text.append(" none");
    }
    return text.toString();
  }
}
