package dev.replicate4j.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reading an OpenAPI document as a plain tree: its operations, and local {@code $ref}s. */
final class SpecTree {
    private static final List<String> METHODS =
            List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private SpecTree() {
    }

    /** Every operation, keyed {@code "POST /replicate/v1/predictions"}, in document order. */
    static Map<String, JsonNode> operations(JsonNode root) {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        root.path("paths").properties().forEach(path -> {
            JsonNode item = resolve(root, path.getValue());
            for (String method : METHODS) {
                if (item.has(method)) {
                    operations.put(method.toUpperCase(Locale.ROOT) + " " + path.getKey(), item.get(method));
                }
            }
        });
        return operations;
    }

    /**
     * Follows {@code $ref} (local JSON pointers only) until a node without one. Throws, naming the
     * reference, when it is remote, dangling or circular: the checks must not pass by skipping it.
     */
    static JsonNode resolve(JsonNode root, JsonNode node) {
        List<String> seen = new ArrayList<>();
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("Only local references are supported: " + ref);
            }
            if (seen.contains(ref)) {
                throw new IllegalArgumentException("Circular reference: " + seen + " -> " + ref);
            }
            seen.add(ref);
            JsonNode target = root.at(ref.substring(1));
            if (target.isMissingNode()) {
                throw new IllegalArgumentException("Dangling reference: " + ref);
            }
            current = target;
        }
        return current;
    }

    /** Escapes one JSON pointer segment (RFC 6901). */
    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
