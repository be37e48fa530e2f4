package dev.replicate4j.models;

/**
 * An input enum whose constants are sent as their exact wire spelling, not their Java name. The
 * generated enums implement it, so a {@link GenericInput} sends them as the model spells them.
 */
public interface WireEnum {
  /**
   * The value the model expects, spelled exactly.
   *
   * @return the wire value
   */
  String wireValue();
}
