package dev.replicate4j.codegen;

import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the templates need to know of one input property: Java names and types, the rule the
 * runtime checks (as the call that declares it) and the Javadoc. Extensions read here:
 * {@code x-order}, {@code x-java-type} (an existing enum to use instead of a generated one),
 * {@code x-separator} (a list of {@code x-java-type} values sent as one joined string, whose
 * items {@code x-item-name} names in messages) and
 * {@code x-confidence} (why a constraint was left out).
 */
final class Field {
  private Field() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> describe(String where, String wire, Schema<?> schema,
      boolean required) {
    Map<String, Object> ext = schema.getExtensions() == null ? Map.of() : schema.getExtensions();
    String javaName = camel(wire, false);
    String javaType = (String) ext.get("x-java-type");
    String separator = (String) ext.get("x-separator");
    List<?> enumValues = schema.getEnum();
    String type = schema.getType() == null ? "" : schema.getType();
    Map<String, Object> field = new LinkedHashMap<>();
    String param;
    String boxed;
    String call;
    String setter = "Builder::" + javaName;
    String req = String.valueOf(required);
    String q = "\"" + wire + "\", " + req + ", ";
    StringBuilder rule = new StringBuilder();
    if (separator != null) {
      if (javaType == null || ext.get("x-item-enum") == null) {
        throw new IllegalStateException(where
            + ": x-separator needs x-java-type and x-item-enum (the item enum)");
      }
      param = "List<" + javaType + ">";
      boxed = param;
      call = "choiceList(" + q + javaType + ".values(), " + javaType + "::wireValue, \""
          + ModelsCodegen.literal(separator) + "\", \""
          + ModelsCodegen.literal(String.valueOf(ext.getOrDefault("x-item-name", "value")))
          + "\", " + setter + ")";
      field.put("list", Map.of("item", javaType, "separator", separator));
      rule.append(" Sent as one string joined with {@code ").append(separator).append("}.");
    } else if (enumValues != null && type.equals("string")) {
      String enumType = javaType != null ? javaType : camel(wire, true);
      param = enumType;
      boxed = enumType;
      String schemaValues = enumValues.stream().map(v -> "\"" + ModelsCodegen.literal(
          String.valueOf(v)) + "\"").collect(Collectors.joining(", "));
      call = "choice(" + q + enumType + ".values(), " + enumType + "::wireValue, List.of("
          + schemaValues + "), " + setter + ")";
      if (javaType == null) {
        field.put("enum", Map.of("type", enumType, "constants", constants(
            enumValues.stream().map(String::valueOf).collect(Collectors.toList()),
            (List<String>) ext.get("x-enum-varnames"),
            (List<String>) ext.get("x-enum-descriptions"), "    ")));
      }
      rule.append(" One of {@link ").append(enumType).append("}.");
    } else if (enumValues != null && type.equals("integer")) {
      param = "long";
      boxed = "Long";
      String allowed = enumValues.stream().map(v -> v + "L").collect(Collectors.joining(", "));
      call = "integerOneOf(" + q + "List.of(" + allowed + "), " + setter + ")";
      rule.append(" One of ").append(enumValues.stream().map(String::valueOf)
          .collect(Collectors.joining(", "))).append('.');
    } else if (type.equals("string") && "uri".equals(schema.getFormat())) {
      param = "ImageInput";
      boxed = param;
      call = "image(" + q + setter + ")";
    } else if (type.equals("string")) {
      param = "String";
      boxed = param;
      call = "text(" + q + setter + ")";
    } else if (type.equals("integer")) {
      param = "long";
      boxed = "Long";
      call = "integer(" + q + bound(schema.getMinimum(), "L") + ", "
          + bound(schema.getMaximum(), "L") + ", " + setter + ")";
      range(rule, schema);
    } else if (type.equals("number")) {
      param = "double";
      boxed = "Double";
      call = "number(" + q + bound(schema.getMinimum(), "") + ", "
          + bound(schema.getMaximum(), "") + ", " + setter + ")";
      range(rule, schema);
    } else if (type.equals("boolean")) {
      param = "boolean";
      boxed = "Boolean";
      call = "bool(" + q + setter + ")";
    } else {
      throw new IllegalStateException(where + ": type " + type + " is not supported");
    }
    Object value = schema.getDefault();
    if (value != null) {
      field.put("defaultCall", ModelsCodegen.wrapCall("withDefault(\"" + wire + "\", "
          + defaultLiteral(where, boxed, value, enumValues, separator) + ")", "          "));
    }
    boolean primitive = Character.isLowerCase(param.charAt(0));
    field.put("wire", wire);
    field.put("java", javaName);
    field.put("param", param);
    field.put("boxed", boxed);
    field.put("primitive", primitive);
    field.put("required", required);
    field.put("getterType", required ? boxed : "Optional<" + boxed + ">");
    field.put("specCall", ModelsCodegen.wrapCall(call, "          "));
    String doc = "<code>" + wire + "</code>: " + javadoc(schema, required, rule.toString(), ext);
    field.put("getterDoc", ModelsCodegen.wrap(doc, "   * ", 100));
    field.put("setterDoc", ModelsCodegen.wrap(doc, "     * ", 100));
    return field;
  }

  /**
   * The schema's default as a Java literal of the field's wire type, so the generated class
   * states it exactly; a default of another type, or a choice the schema does not list, is refused.
   */
  private static String defaultLiteral(String where, String boxed, Object value,
      List<?> enumValues, String separator) {
    String text = String.valueOf(value);
    try {
      if (boxed.equals("Long")) {
        return new BigDecimal(text).toBigIntegerExact() + "L";
      }
      if (boxed.equals("Double")) {
        BigDecimal number = new BigDecimal(text);
        return number.toPlainString() + (number.scale() <= 0 ? ".0" : "");
      }
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalStateException(where + ": the default " + text + " is not "
          + (boxed.equals("Long") ? "an integer" : "a number"), e);
    }
    if (boxed.equals("Boolean")) {
      if (!(value instanceof Boolean)) {
        throw new IllegalStateException(where + ": the default " + text + " is not a boolean");
      }
      return text;
    }
    if (separator == null && enumValues != null
        && enumValues.stream().map(String::valueOf).noneMatch(text::equals)) {
      throw new IllegalStateException(where + ": the default " + text + " is not one of "
          + enumValues);
    }
    return "\"" + ModelsCodegen.literal(text) + "\"";
  }

  private static void range(StringBuilder rule, Schema<?> schema) {
    BigDecimal min = schema.getMinimum();
    BigDecimal max = schema.getMaximum();
    if (min != null && max != null) {
      rule.append(" From ").append(plain(min)).append(" to ").append(plain(max)).append('.');
    } else if (min != null) {
      rule.append(" At least ").append(plain(min)).append('.');
    } else if (max != null) {
      rule.append(" At most ").append(plain(max)).append('.');
    }
  }

  private static String javadoc(Schema<?> schema, boolean required, String rule,
      Map<String, Object> ext) {
    String description = schema.getDescription() == null ? "" : schema.getDescription().trim();
    StringBuilder doc = new StringBuilder(ModelsCodegen.javadoc(description));
    if (doc.length() > 0 && ".!?".indexOf(doc.charAt(doc.length() - 1)) < 0) {
      doc.append('.');
    }
    doc.append(rule);
    if (required) {
      doc.append(" <b>Required.</b>");
    } else if (schema.getDefault() != null) {
      Object value = schema.getDefault();
      doc.append(" Default {@code ").append(ModelsCodegen.javadoc(value instanceof String
          ? "\"" + value + "\"" : String.valueOf(value))).append("}.");
    } else {
      doc.append(" Default: none.");
    }
    Object confidence = ext.get("x-confidence");
    if (confidence != null) {
      doc.append(" Not checked: ").append(ModelsCodegen.javadoc(confidence.toString()));
    }
    return doc.toString().trim();
  }

  private static String bound(BigDecimal value, String suffix) {
    if (value == null) {
      return "null";
    }
    return suffix.isEmpty() ? value.toPlainString() + (value.scale() <= 0 ? ".0" : "")
        : value.toBigIntegerExact() + suffix;
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  /**
   * Enum constants: a name from {@code x-enum-varnames} or else the wire value in upper snake case,
   * a Javadoc line from {@code x-enum-descriptions} after the wire value.
   */
  static List<Map<String, Object>> constants(List<String> values, List<String> names,
      List<String> descriptions, String indent) {
    List<Map<String, Object>> constants = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String wire = values.get(i);
      String name = names != null ? names.get(i) : wire.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
          .toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
      if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
        name = "V_" + name;
      }
      String doc = "{@code " + ModelsCodegen.javadoc(wire) + "}";
      String more = descriptions == null ? "" : descriptions.get(i).trim();
      doc += more.isEmpty() ? "." : (more.startsWith(",") ? "" : ": ") + ModelsCodegen.javadoc(more)
          + (more.endsWith(".") ? "" : ".");
      String line = indent + "/** " + doc + " */";
      String block = line.length() <= 100 ? line : indent + "/**\n" + indent + " * "
          + ModelsCodegen.wrap(doc, indent + " * ", 100) + "\n" + indent + " */";
      constants.add(Map.of("name", name, "wire", ModelsCodegen.literal(wire),
          "doc", block, "last", i == values.size() - 1));
    }
    return constants;
  }

  /** {@code num_outputs} to {@code numOutputs}, or {@code NumOutputs} for a type. */
  static String camel(String wire, boolean type) {
    StringBuilder out = new StringBuilder();
    boolean upper = type;
    for (char c : wire.toCharArray()) {
      if (!Character.isLetterOrDigit(c)) {
        upper = out.length() > 0 || type;
        continue;
      }
      out.append(upper ? Character.toUpperCase(c) : c);
      upper = false;
    }
    if (out.length() == 0 || !Character.isJavaIdentifierStart(out.charAt(0))) {
      out.insert(0, type ? "V" : "v");
    }
    return out.toString();
  }
}
