package dev.replicate4j.models;

import dev.replicate4j.ReplicateException;
import java.util.List;
import java.util.stream.Collectors;

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
    return "Unknown model '" + reference + "': " + why + ". Known models:" + (known.isEmpty()
        ? " none" : known.stream().map(m -> "\n  " + m.ref() + " (" + m.task() + ")")
            .collect(Collectors.joining()));
  }
}
