package dev.replicate4j.models;

/**
 * Classes sujaykhandekar/object-removal can remove. Names are case-sensitive and spelled exactly as
 * the model's class list (note {@code Aeroplane} and {@code Background} are capitalised).
 */
public enum ObjectClass implements WireEnum {
  /** {@code Background}. */
  BACKGROUND("Background"),
  /** {@code Aeroplane}. */
  AEROPLANE("Aeroplane"),
  /** {@code bicycle}. */
  BICYCLE("bicycle"),
  /** {@code bird}. */
  BIRD("bird"),
  /** {@code boat}. */
  BOAT("boat"),
  /** {@code bottle}. */
  BOTTLE("bottle"),
  /** {@code bus}. */
  BUS("bus"),
  /** {@code car}. */
  CAR("car"),
  /** {@code cat}. */
  CAT("cat"),
  /** {@code chair}. */
  CHAIR("chair"),
  /** {@code cow}. */
  COW("cow"),
  /** {@code dining table}. */
  DINING_TABLE("dining table"),
  /** {@code dog}. */
  DOG("dog"),
  /** {@code horse}. */
  HORSE("horse"),
  /** {@code motorbike}. */
  MOTORBIKE("motorbike"),
  /** {@code person}. */
  PERSON("person"),
  /** {@code potted plant}. */
  POTTED_PLANT("potted plant"),
  /** {@code sheep}. */
  SHEEP("sheep"),
  /** {@code sofa}. */
  SOFA("sofa"),
  /** {@code train}. */
  TRAIN("train"),
  /** {@code tv/monitor}. */
  TV_MONITOR("tv/monitor");

  private final String wireValue;

  ObjectClass(String wireValue) {
    this.wireValue = wireValue;
  }

  /**
   * The value the model expects, spelled exactly.
   *
   * @return the wire value
   */
  @Override
  public String wireValue() {
    return wireValue;
  }
}
