package dev.replicate4j.models;

import java.util.Map;

/**
 * What the catalog's typed inputs share: the fields that were set, held in {@link InputValues},
 * sent as they are, compared by value and shown with long data URIs cut short. Each subclass adds
 * its schema and its typed builder.
 */
abstract class CatalogInput implements ModelInput {
  final InputValues values;

  CatalogInput(InputValues values) {
    this.values = values;
  }

  /** The fields that were set, by wire name, in the model's schema order. */
  @Override
  public final Map<String, Object> toWire() {
    return values.wire();
  }

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && values.equals(((CatalogInput) o).values);
  }

  @Override
  public final int hashCode() {
    return values.hashCode();
  }

  /** The fields that were set, with long data URIs cut short. */
  @Override
  public final String toString() {
    return values.describe(getClass().getSimpleName());
  }
}
