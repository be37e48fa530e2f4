package dev.replicate4j.cli;

import dev.replicate4j.models.Model;
import dev.replicate4j.models.ModelCatalog;
import dev.replicate4j.models.Models;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Finds the model a command names: a catalog short name, or any version reference. */
final class ModelNames {
  private static final ModelCatalog CATALOG = ModelCatalog.standard();

  private ModelNames() {}

  static ModelCatalog catalog() {
    return CATALOG;
  }

  /**
   * The model: a short name such as {@code sdxl}; a catalog {@code owner/name},
   * {@code owner/name:version} or version id; any other {@code owner/name[:version]} or version id
   * runs as a generic model whose inputs are not checked.
   */
  static Model<?, ?> resolve(String reference) {
    if (!reference.contains("/") && !reference.matches("[0-9a-f]{64}")) {
      List<Model<?, ?>> named = CATALOG.models().stream()
          .filter(m -> m.name().filter(reference::equals).isPresent())
          .collect(Collectors.toList());
      if (named.size() == 1) {
        return named.get(0);
      }
      // Not a short name: the catalog's own lookup explains why and lists the known models.
      return CATALOG.get(reference);
    }
    Optional<Model<?, ?>> known = CATALOG.find(reference);
    return known.isPresent() ? known.get() : Models.generic(reference);
  }

  /** The catalog model a prediction's version belongs to, for its typed output. */
  static Optional<Model<?, ?>> ofVersion(String version) {
    if (version == null || !version.matches("[0-9a-f]{64}")) {
      return Optional.empty();
    }
    return CATALOG.find(version);
  }
}
