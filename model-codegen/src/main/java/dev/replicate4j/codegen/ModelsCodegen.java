package dev.replicate4j.codegen;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenType;
import org.openapitools.codegen.SupportingFile;
import org.openapitools.codegen.languages.AbstractJavaCodegen;
import org.openapitools.codegen.model.ModelMap;
import org.openapitools.codegen.model.ModelsMap;

/**
 * The generator {@code replicate4j-models}: a typed input class per model schema and one catalog
 * class holding a {@code Model} constant per schema.
 *
 * <p>The generator's input spec is the catalog file ({@code info.x-catalog} names the class); every
 * other {@code .yaml}, {@code .yml} or {@code .json} file in its folder is one model version in
 * the shape of a Replicate version's {@code openapi_schema} ({@code Input} and {@code Output}
 * schemas) with {@code info.x-model} saying owner, name, version, task and output kind. Each
 * file's {@code Input} becomes the model {@code <JavaName>Input}; this class works out, once, every
 * field's Java type, rule and Javadoc, so the templates only lay the text out.
 */
public final class ModelsCodegen extends AbstractJavaCodegen {
  private static final Set<String> OUTPUTS = Set.of("FILE_LIST", "SINGLE_FILE", "ANIMATION", "RAW");
  private final Map<String, Map<String, Object>> models = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> enums = new LinkedHashMap<>();

  /** Creates the generator; the plugin finds it by {@link #getName()}. */
  public ModelsCodegen() {
    super();
    embeddedTemplateDir = templateDir = "replicate4j-models";
    modelTemplateFiles.clear();
    modelTemplateFiles.put("input.mustache", ".java");
    apiTemplateFiles.clear();
    modelDocTemplateFiles.clear();
    apiDocTemplateFiles.clear();
    modelTestTemplateFiles.clear();
    apiTestTemplateFiles.clear();
  }

  @Override
  public String getName() {
    return "replicate4j-models";
  }

  @Override
  public CodegenType getTag() {
    return CodegenType.OTHER;
  }

  @Override
  public String getHelp() {
    return "Typed replicate4j inputs and a catalog class from Cog-style model schemas.";
  }

  @Override
  public void processOpts() {
    super.processOpts();
    supportingFiles.clear();
  }

  /** Reads every model file beside the catalog and adds its Input under its Java name. */
  @Override
  public void preprocessOpenAPI(OpenAPI catalog) {
    super.preprocessOpenAPI(catalog);
    Map<String, Object> info = extension(catalog.getInfo().getExtensions(), "x-catalog",
        "the catalog file " + getInputSpec());
    String catalogClass = text(info, "class", "x-catalog");
    additionalProperties.put("catalogClass", catalogClass);
    // Written by the catalog's owner as Javadoc, so {@link} stays a link.
    additionalProperties.put("catalogDescriptionWrapped", wrap(String.valueOf(
        info.getOrDefault("description", "Models generated from their schemas.")), " * ", 100));
    additionalProperties.put("catalogGeneric", Boolean.TRUE.equals(info.get("generic")));
    additionalProperties.put("runtimePackage", "dev.replicate4j.models".equals(modelPackage));
    supportingFiles.add(new SupportingFile("catalog.mustache",
        sourceFolder + File.separator + modelPackage.replace('.', File.separatorChar),
        catalogClass + ".java"));
    catalog.getComponents().setSchemas(new LinkedHashMap<>());
    List<Map.Entry<BigDecimal, Runnable>> adds = new ArrayList<>();
    for (Path file : modelFiles(Paths.get(getInputSpec()))) {
      OpenAPI spec = parse(file);
      Object order = extension(spec.getInfo().getExtensions(), "x-model", file.toString())
          .get("order");
      adds.add(Map.entry(order == null ? BigDecimal.valueOf(Long.MAX_VALUE)
          : new BigDecimal(order.toString()), () -> addModel(catalog, spec, file)));
    }
    // x-model.order first (the catalog's own order), then file name: a stable, documented order.
    adds.stream().sorted(Map.Entry.comparingByKey()).forEach(e -> e.getValue().run());
  }

  private static List<Path> modelFiles(Path catalogFile) {
    Path folder = catalogFile.toAbsolutePath().getParent();
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> !f.getFileName().equals(catalogFile.getFileName()))
          .filter(f -> f.toString().matches(".*\\.(ya?ml|json)$")).sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new IllegalStateException("Cannot list the model schemas in " + folder, e);
    }
  }

  private static OpenAPI parse(Path file) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readLocation(file.toString(), null, options);
    OpenAPI spec = result.getOpenAPI();
    if (spec == null || spec.getComponents() == null || spec.getComponents().getSchemas() == null
        || !spec.getComponents().getSchemas().containsKey("Input")) {
      throw new IllegalStateException(file + " has no components.schemas.Input: "
          + result.getMessages());
    }
    return spec;
  }

  private void addModel(OpenAPI catalog, OpenAPI spec, Path file) {
    Map<String, Object> model = extension(spec.getInfo().getExtensions(), "x-model",
        file.toString());
    String where = file.getFileName() + " info.x-model";
    String javaName = text(model, "java-name", where);
    String output = text(model, "output", where);
    if (!OUTPUTS.contains(output)) {
      throw new IllegalStateException(where + ".output must be one of " + OUTPUTS + ": " + output);
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("owner", text(model, "owner", where));
    meta.put("name", text(model, "name", where));
    meta.put("version", text(model, "version", where));
    meta.put("shortVersion", text(model, "version", where).substring(0, 8));
    meta.put("task", text(model, "task", where));
    String description = text(model, "description", where).trim();
    description += description.endsWith(".") ? "" : ".";
    meta.put("description", wrap(javadoc("Input of " + text(model, "owner", where) + "/"
        + text(model, "name", where) + " (version " + text(model, "version", where)
        .substring(0, 8) + "): " + description), " * ", 100));
    meta.put("constantDoc", wrap(javadoc(text(model, "owner", where) + "/"
        + text(model, "name", where) + ":" + text(model, "version", where).substring(0, 8)
        + ". " + description + " Output: " + model.getOrDefault("output-description", "")),
        "   * ", 100));
    meta.put("descriptionLiteral", literal(text(model, "description", where)));
    meta.put("constant", text(model, "name", where).toUpperCase(Locale.ROOT)
        .replaceAll("[^A-Z0-9]+", "_"));
    meta.put("outputType", Map.of("FILE_LIST", "FileOutputs", "SINGLE_FILE", "FileOutput",
        "ANIMATION", "AnimationOutput", "RAW", "Object").get(output));
    meta.put("outputParser", Map.of("FILE_LIST", "fileList", "SINGLE_FILE", "singleFile",
        "ANIMATION", "animation", "RAW", "raw").get(output));
    meta.put("schemaFile", file.getFileName().toString());
    meta.put("catalogIndex", models.size());
    String className = javaName + "Input";
    if (models.put(className, meta) != null) {
      throw new IllegalStateException("Two schemas are named " + javaName + ": " + file);
    }
    Schema<?> input = spec.getComponents().getSchemas().get("Input");
    if (input.getProperties() != null) {
      input.getProperties().replaceAll((name, property) -> inlined(spec, property,
          file.getFileName() + " " + name));
    }
    catalog.getComponents().getSchemas().put(className, input);
    if (input.getProperties() != null) {
      input.getProperties().forEach((name, property) -> addEnum(catalog, file.getFileName() + " "
          + name, property));
    }
  }

  /**
   * The property with a Cog enum inlined: a version's {@code openapi_schema} gives an enum input
   * as {@code allOf: [{$ref: '#/components/schemas/scheduler'}]} beside its own default and
   * description, the referenced schema holding the type and the values.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema<?> inlined(OpenAPI spec, Schema<?> property, String where) {
    List<Schema> allOf = property.getAllOf();
    if (allOf == null || allOf.size() != 1 || allOf.get(0).get$ref() == null) {
      return property;
    }
    String ref = allOf.get(0).get$ref();
    Schema<?> target = spec.getComponents().getSchemas()
        .get(ref.substring(ref.lastIndexOf('/') + 1));
    if (target == null) {
      throw new IllegalStateException(where + ": " + ref + " is not in components.schemas");
    }
    Schema<Object> merged = new Schema<>();
    merged.setType(target.getType());
    merged.setFormat(target.getFormat());
    merged.setEnum(target.getEnum() == null ? null : new ArrayList<>(target.getEnum()));
    merged.setMinimum(target.getMinimum());
    merged.setMaximum(target.getMaximum());
    merged.setTitle(property.getTitle() != null ? property.getTitle() : target.getTitle());
    merged.setDescription(property.getDescription() != null ? property.getDescription()
        : target.getDescription());
    merged.setDefault(property.getDefault());
    Map<String, Object> extensions = new LinkedHashMap<>();
    if (target.getExtensions() != null) {
      extensions.putAll(target.getExtensions());
    }
    if (property.getExtensions() != null) {
      extensions.putAll(property.getExtensions());
    }
    merged.setExtensions(extensions.isEmpty() ? null : extensions);
    return merged;
  }

  /**
   * A property's {@code x-java-type} enum becomes a model of its own, generated once however many
   * schemas name it; every schema naming it must list the same values.
   */
  @SuppressWarnings("unchecked")
  private void addEnum(OpenAPI catalog, String where, Schema<?> property) {
    Map<String, Object> ext = property.getExtensions();
    Object type = ext == null ? null : ext.get("x-java-type");
    if (type == null) {
      return;
    }
    List<?> values = property.getEnum() != null ? property.getEnum()
        : (List<?>) ext.get("x-item-enum");
    if (values == null) {
      throw new IllegalStateException(where + ": x-java-type needs enum (or x-item-enum)");
    }
    List<String> wire = values.stream().map(String::valueOf).collect(Collectors.toList());
    Map<String, Object> known = enums.get(type.toString());
    if (known != null) {
      if (!known.get("values").equals(wire)) {
        throw new IllegalStateException(where + ": " + type + " lists " + wire + " but "
            + known.get("where") + " lists " + known.get("values"));
      }
      return;
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("where", where);
    meta.put("values", wire);
    meta.put("enumDoc", wrap(javadoc(String.valueOf(ext.getOrDefault("x-enum-type-description",
        "The values of " + where + "."))), " * ", 100));
    meta.put("constants", Field.constants(wire,
        (List<String>) ext.get("x-enum-varnames"), (List<String>) ext.get("x-enum-descriptions"),
        "  "));
    meta.put("enumFields", enumFields(where, wire.size(),
        (Map<String, Map<String, Object>>) ext.get("x-enum-fields")));
    enums.put(type.toString(), meta);
    // An enum schema: the generator skips a plain string as an alias.
    Schema<Object> schema = new Schema<>();
    schema.setType("string");
    schema.setEnum(new ArrayList<>(wire));
    catalog.getComponents().getSchemas().put(type.toString(), schema);
  }

  /** Per-constant integer data, e.g. the pixel size of an aspect ratio. */
  private static List<Map<String, Object>> enumFields(String where, int size,
      Map<String, Map<String, Object>> fields) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (fields == null) {
      return out;
    }
    fields.forEach((name, field) -> {
      List<?> values = (List<?>) field.get("values");
      if (values == null || values.size() != size) {
        throw new IllegalStateException(where + ": x-enum-fields." + name + " needs " + size
            + " values");
      }
      out.add(Map.of("name", name, "doc", wrap(javadoc(String.valueOf(field.get("description"))),
          "   * ", 100), "values", values));
    });
    return out;
  }

  /** Adds the model's facts and its fields, in {@code x-order}, to each generated class. */
  @Override
  @SuppressWarnings("unchecked")
  public ModelsMap postProcessModels(ModelsMap objs) {
    ModelsMap processed = super.postProcessModels(objs);
    for (ModelMap map : processed.getModels()) {
      CodegenModel model = map.getModel();
      Map<String, Object> meta = models.get(model.classname);
      if (enums.containsKey(model.classname)) {
        Map<String, Object> enumMeta = new LinkedHashMap<>(enums.get(model.classname));
        List<Map<String, Object>> constants = new ArrayList<>();
        List<Map<String, Object>> fields = (List<Map<String, Object>>) enumMeta.get("enumFields");
        List<Map<String, Object>> declared = (List<Map<String, Object>>) enumMeta.get("constants");
        for (int i = 0; i < declared.size(); i++) {
          Map<String, Object> constant = new LinkedHashMap<>(declared.get(i));
          StringBuilder args = new StringBuilder("\"" + constant.get("wire") + "\"");
          for (Map<String, Object> field : fields) {
            args.append(", ").append(((List<?>) field.get("values")).get(i));
          }
          constant.put("args", args.toString());
          constants.add(constant);
        }
        enumMeta.put("constants", constants);
        model.vendorExtensions.put("x-enum", enumMeta);
        continue;
      }
      if (meta == null) {
        throw new IllegalStateException("Not a model schema: " + model.classname);
      }
      Schema<?> input = openAPI.getComponents().getSchemas().get(model.classname);
      List<Map<String, Object>> fields = new ArrayList<>();
      List<String> required = input.getRequired() == null ? List.of() : input.getRequired();
      Map<String, Schema> properties = input.getProperties() == null ? Map.of()
          : input.getProperties();
      properties.entrySet().stream()
          .sorted(Comparator.comparing(e -> order(e.getValue())))
          .forEach(e -> fields.add(Field.describe(model.classname + "." + e.getKey(), e.getKey(),
              e.getValue(), required.contains(e.getKey()))));
      model.vendorExtensions.putAll(meta);
      model.vendorExtensions.put("x-input", true);
      model.vendorExtensions.put("x-fields", fields);
      model.vendorExtensions.put("x-has-required", fields.stream()
          .anyMatch(f -> Boolean.TRUE.equals(f.get("required"))));
      model.vendorExtensions.put("x-uses-list", fields.stream()
          .anyMatch(f -> f.get("list") != null
              || f.get("specCall").toString().contains("List.of")));
      model.vendorExtensions.put("x-uses-image", fields.stream()
          .anyMatch(f -> f.get("param").equals("ImageInput")));
      model.vendorExtensions.put("x-uses-optional", fields.stream()
          .anyMatch(f -> !Boolean.TRUE.equals(f.get("required"))));
    }
    return processed;
  }

  /** The catalog lists the models in catalog order, not the generator's alphabetical one. */
  @Override
  @SuppressWarnings("unchecked")
  public Map<String, Object> postProcessSupportingFileData(Map<String, Object> objs) {
    List<ModelMap> all = new ArrayList<>((List<ModelMap>) objs.get("models"));
    all.removeIf(m -> !models.containsKey(m.getModel().classname));
    all.sort(Comparator.comparing(
        m -> (Integer) m.getModel().vendorExtensions.get("catalogIndex")));
    objs.put("models", all);
    return super.postProcessSupportingFileData(objs);
  }

  private static BigDecimal order(Schema<?> property) {
    Map<String, Object> ext = property.getExtensions();
    Object order = ext == null ? null : ext.get("x-order");
    return order == null ? BigDecimal.valueOf(Long.MAX_VALUE) : new BigDecimal(order.toString());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> extension(Map<String, Object> extensions, String name,
      String where) {
    Object value = extensions == null ? null : extensions.get(name);
    if (!(value instanceof Map)) {
      throw new IllegalStateException(where + " has no info." + name + " object");
    }
    return (Map<String, Object>) value;
  }

  private static String text(Map<String, Object> map, String key, String where) {
    Object value = map.get(key);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalStateException(where + " needs " + key);
    }
    return value.toString();
  }

  /** Text made safe inside a Javadoc comment. */
  static String javadoc(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("*/", "*&#47;").replace("@", "&#64;").trim();
  }

  /**
   * Words laid out in lines of at most {@code width} columns, each after {@code prefix} (the
   * first line's prefix is already in the template).
   */
  static String wrap(String text, String prefix, int width) {
    StringBuilder out = new StringBuilder();
    int column = prefix.length();
    for (String word : text.trim().split("\\s+")) {
      if (column > prefix.length() && column + 1 + word.length() > width) {
        out.append('\n').append(prefix);
        column = prefix.length();
      } else if (column > prefix.length()) {
        out.append(' ');
        column++;
      }
      out.append(word);
      column += word.length();
    }
    return out.toString();
  }

  /**
   * A call {@code name(a, b, c)} broken after commas (outside string literals) where its line
   * would pass 100 columns; arguments inside {@code List.of(...)} break too.
   */
  static String wrapCall(String call, String indent) {
    StringBuilder out = new StringBuilder();
    int column = indent.length() + 1;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < call.length(); i++) {
      char c = call.charAt(i);
      if (c == '"' && (i == 0 || call.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      }
      boolean end = i == call.length() - 1;
      if ((c == ',' && !quoted) || end) {
        String piece = call.substring(start, i + 1);
        String trimmed = out.length() == 0 ? piece : piece.stripLeading();
        if (out.length() > 0 && column + 1 + trimmed.length() > 100) {
          out.append('\n').append(indent).append("    ");
          column = indent.length() + 4;
        } else if (out.length() > 0) {
          out.append(' ');
          column++;
        }
        out.append(trimmed);
        column += trimmed.length();
        start = i + 1;
      }
    }
    return out.toString();
  }

  /** Text as the inside of a Java string literal. */
  static String literal(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  @Override
  public String escapeQuotationMark(String input) {
    return input.replace("\"", "");
  }

  @Override
  public String escapeUnsafeCharacters(String input) {
    return input.replace("*/", "*_/").replace("/*", "/_*");
  }
}
