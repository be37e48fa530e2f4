package dev.replicate4j.stub;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A model served from its Cog-style schema text (YAML or JSON, the shape of the files the typed
 * inputs are generated from): owner, name and version from {@code info.x-model}, each input's
 * rule from {@code components.schemas.Input}. The same rules the generator reads, read at run
 * time, so a test can serve a model no code was generated for.
 */
final class SchemaFile {
  private SchemaFile() {}

  /**
   * Reads a schema.
   *
   * @throws IllegalArgumentException saying what is missing or not supported
   */
  static ModelSpec.Builder read(String text, StubOutput output) {
    Map<String, Object> root;
    try {
      root = map(new Yaml(new SafeConstructor(new LoaderOptions())).load(text), "the schema");
    } catch (YAMLException e) {
      throw new IllegalArgumentException("The schema is not YAML or JSON: " + e.getMessage(), e);
    }
    Map<String, Object> model = map(map(root.get("info"), "info").get("x-model"), "info.x-model");
    String owner = text(model, "owner");
    String name = text(model, "name");
    Map<String, Object> schemas = map(map(root.get("components"), "components").get("schemas"),
        "components.schemas");
    Map<String, Object> input = map(schemas.get("Input"), "components.schemas.Input");
    List<?> required = input.get("required") == null ? List.of() : (List<?>) input.get("required");
    String version = text(model, "version");
    if (!version.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("The schema's info.x-model.version is not 64 lowercase "
          + "hex characters: " + version);
    }
    ModelSpec.Builder spec = ModelSpec.builder(owner + "/" + name, version, output);
    map(input.get("properties"), "Input.properties").forEach((field, property) -> {
      FieldRule rule = rule(field, inlined(map(property, "Input.properties." + field), schemas));
      if (required.contains(field)) {
        spec.required(field, rule);
      } else {
        spec.optional(field, rule);
      }
    });
    return spec;
  }

  private static FieldRule rule(String field, Map<String, Object> property) {
    Object type = property.get("type");
    List<?> allowed = (List<?>) property.get("enum");
    if (property.get("x-separator") != null && property.get("x-item-enum") != null) {
      return FieldRule.commaSeparated(strings((List<?>) property.get("x-item-enum")));
    }
    if ("string".equals(type)) {
      return allowed != null ? FieldRule.oneOf(strings(allowed))
          : "uri".equals(property.get("format")) ? FieldRule.uri() : FieldRule.text();
    }
    if ("integer".equals(type)) {
      if (allowed != null) {
        return FieldRule.oneOf(allowed.stream().mapToLong(v -> number(v).longValueExact())
            .toArray());
      }
      return FieldRule.integer(bound(property, "minimum", Long.MIN_VALUE),
          bound(property, "maximum", Long.MAX_VALUE));
    }
    if ("number".equals(type)) {
      return FieldRule.number(bound(property, "minimum", Double.NEGATIVE_INFINITY),
          bound(property, "maximum", Double.POSITIVE_INFINITY));
    }
    if ("boolean".equals(type)) {
      return FieldRule.bool();
    }
    throw new IllegalArgumentException("Input " + field + ": type " + type + " is not supported "
        + "(string, uri string, integer, number, boolean, enum or x-separator list)");
  }

  /**
   * The property with a Cog enum inlined: a version's {@code openapi_schema} gives an enum input
   * as {@code allOf: [{$ref: '#/components/schemas/scheduler'}]} beside its own default and
   * description, the referenced schema holding the type and the values.
   */
  private static Map<String, Object> inlined(Map<String, Object> property,
      Map<String, Object> schemas) {
    Object allOf = property.get("allOf");
    if (!(allOf instanceof List) || ((List<?>) allOf).size() != 1
        || !(((List<?>) allOf).get(0) instanceof Map)) {
      return property;
    }
    Object ref = ((Map<?, ?>) ((List<?>) allOf).get(0)).get("$ref");
    String prefix = "#/components/schemas/";
    if (!(ref instanceof String) || !((String) ref).startsWith(prefix)) {
      return property;
    }
    String name = ((String) ref).substring(prefix.length());
    Map<String, Object> merged = new LinkedHashMap<>(map(schemas.get(name),
        "components.schemas." + name + " (referenced by " + ref + ")"));
    property.forEach((key, value) -> {
      if (!"allOf".equals(key)) {
        merged.put(key, value);
      }
    });
    return merged;
  }

  private static double bound(Map<String, Object> property, String key, double none) {
    Object value = property.get(key);
    return value == null ? none : number(value).doubleValue();
  }

  private static long bound(Map<String, Object> property, String key, long none) {
    Object value = property.get(key);
    return value == null ? none : number(value).longValueExact();
  }

  private static BigDecimal number(Object value) {
    return new BigDecimal(String.valueOf(value));
  }

  private static String[] strings(List<?> values) {
    return values.stream().map(String::valueOf).collect(Collectors.toList()).toArray(new String[0]);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String where) {
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException("The schema has no " + where + " object");
    }
    return (Map<String, Object>) value;
  }

  private static String text(Map<String, Object> model, String key) {
    Object value = model.get(key);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalArgumentException("The schema's info.x-model has no " + key);
    }
    return value.toString();
  }
}
