package dev.replicate4j.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every example in an OpenAPI 3.0 document, each with the schema it must satisfy: {@code example} and
 * {@code examples} next to a {@code schema} (media types, parameters, headers), and {@code example}
 * inside a schema (validated against that schema).
 */
final class SpecExamples {
    /** One example: where it is, its value, and the JSON pointer of the schema it must satisfy. */
    record Example(String pointer, JsonNode value, String schemaPointer) {
    }

    private static final List<String> SCHEMA_LISTS = List.of("allOf", "oneOf", "anyOf");
    private static final List<String> SCHEMA_VALUES = List.of("items", "not", "additionalProperties");

    private final JsonNode root;
    private final List<Example> found = new ArrayList<>();

    private SpecExamples(JsonNode root) {
        this.root = root;
    }

    static List<Example> in(JsonNode root) {
        SpecExamples examples = new SpecExamples(root);
        examples.walkDocument(root, "");
        return List.copyOf(examples.found);
    }

    /** Outside schemas: collects examples next to a schema, and finds the schemas. */
    private void walkDocument(JsonNode node, String pointer) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walkDocument(node.get(i), pointer + "/" + i);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (node.has("schema")) {
            collectBesideSchema(node, pointer);
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            String child = pointer + "/" + SpecTree.escape(key);
            if (key.equals("schema")) {
                walkSchema(field.getValue(), child);
            } else if (key.equals("schemas") && pointer.equals("/components")) {
                field.getValue().properties().forEach(schema ->
                        walkSchema(schema.getValue(), child + "/" + SpecTree.escape(schema.getKey())));
            } else if (!key.equals("example") && !key.equals("examples") && !key.startsWith("x-")) {
                walkDocument(field.getValue(), child); // example values and extensions are data
            }
        }
    }

    private void collectBesideSchema(JsonNode node, String pointer) {
        String schemaPointer = pointer + "/schema";
        if (node.has("example")) {
            found.add(new Example(pointer + "/example", node.get("example"), schemaPointer));
        }
        node.path("examples").properties().forEach(named -> {
            JsonNode example = SpecTree.resolve(root, named.getValue());
            if (!example.has("value")) {
                throw new IllegalStateException("Example without an inline value (externalValue is not"
                        + " checked): " + pointer + "/examples/" + named.getKey());
            }
            found.add(new Example(pointer + "/examples/" + SpecTree.escape(named.getKey()) + "/value",
                    example.get("value"), schemaPointer));
        });
    }

    /** Inside a schema: its own example, then its subschemas. */
    private void walkSchema(JsonNode schema, String pointer) {
        if (!schema.isObject()) {
            return;
        }
        if (schema.has("example")) {
            found.add(new Example(pointer + "/example", schema.get("example"), pointer));
        }
        schema.path("properties").properties().forEach(property ->
                walkSchema(property.getValue(), pointer + "/properties/" + SpecTree.escape(property.getKey())));
        for (String key : SCHEMA_VALUES) {
            if (schema.has(key)) {
                walkSchema(schema.get(key), pointer + "/" + key);
            }
        }
        for (String key : SCHEMA_LISTS) {
            JsonNode list = schema.path(key);
            for (int i = 0; i < list.size(); i++) {
                walkSchema(list.get(i), pointer + "/" + key + "/" + i);
            }
        }
    }
}
