package dev.replicate4j;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference to a model version in one of the three forms the API accepts: a bare 64-hex version
 * id, {@code owner/name:<64 hex>}, or {@code owner/name} (official models, which run their latest
 * version).
 */
public final class VersionRef {
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern FULL = Pattern.compile("(" + NAME + ")/(" + NAME + ")(?::(.*))?");

  private final String owner;
  private final String name;
  private final String versionId;

  private VersionRef(String owner, String name, String versionId) {
    this.owner = owner;
    this.name = name;
    this.versionId = versionId;
  }

  /**
   * Parses a reference.
   *
   * @param text {@code <64 hex>}, {@code owner/name:<64 hex>} or {@code owner/name}
   * @return the reference
   * @throws IllegalArgumentException naming the accepted forms if the text is none of them
   */
  public static VersionRef parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("Model version reference is empty; " + FORMS);
    }
    String trimmed = text.trim();
    if (HASH.matcher(trimmed).matches()) {
      return new VersionRef(null, null, trimmed);
    }
    Matcher m = FULL.matcher(trimmed);
    if (m.matches()) {
      String version = m.group(3);
      if (version == null) {
        return new VersionRef(m.group(1), m.group(2), null);
      }
      if (HASH.matcher(version).matches()) {
        return new VersionRef(m.group(1), m.group(2), version);
      }
      throw new IllegalArgumentException("Model version reference '" + trimmed
          + "' has a version that is not 64 lowercase hex characters: '" + version + "'; " + FORMS);
    }
    throw new IllegalArgumentException(
        "Model version reference '" + trimmed + "' is not recognised; " + FORMS);
  }

  private static final String FORMS =
      "expected a 64-hex version id, owner/name:<64-hex version id>, or owner/name";

  /**
   * Builds {@code owner/name:version}.
   *
   * @param owner the model's owner
   * @param name the model's name
   * @param versionId the 64-hex version id
   * @return the reference
   */
  public static VersionRef of(String owner, String name, String versionId) {
    return parse(owner + "/" + name + ":" + versionId);
  }

  /**
   * The owner, when the reference names the model.
   *
   * @return the owner, or empty for a bare version id
   */
  public Optional<String> owner() {
    return Optional.ofNullable(owner);
  }

  /**
   * The model name, when the reference names the model.
   *
   * @return the name, or empty for a bare version id
   */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /**
   * {@code owner/name}, when the reference names the model.
   *
   * @return the model, or empty for a bare version id
   */
  public Optional<String> model() {
    return owner == null ? Optional.empty() : Optional.of(owner + "/" + name);
  }

  /**
   * The 64-hex version id, unless the reference is {@code owner/name} alone.
   *
   * @return the version id, or empty
   */
  public Optional<String> versionId() {
    return Optional.ofNullable(versionId);
  }

  /**
   * The reference in the form the create request's {@code version} field takes: the version id when
   * there is one, otherwise {@code owner/name}.
   *
   * @return the wire form
   */
  public String wireValue() {
    return versionId != null ? versionId : owner + "/" + name;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof VersionRef)) {
      return false;
    }
    VersionRef other = (VersionRef) o;
    return Objects.equals(owner, other.owner) && Objects.equals(name, other.name)
        && Objects.equals(versionId, other.versionId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(owner, name, versionId);
  }

  /** The reference as text: {@code owner/name:hash}, {@code hash} or {@code owner/name}. */
  @Override
  public String toString() {
    if (owner == null) {
      return versionId;
    }
    return versionId == null ? owner + "/" + name : owner + "/" + name + ":" + versionId;
  }
}
