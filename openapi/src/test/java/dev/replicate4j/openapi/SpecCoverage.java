package dev.replicate4j.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What of the published spec the corrected spec no longer has: operations (method and path), request
 * bodies and responses by media type and status, and request and response properties by path.
 *
 * <p>Each gap is one line: {@code POST /replicate/v1/predictions} for a missing operation,
 * {@code POST /replicate/v1/predictions request.input.width} for a request property, and
 * {@code POST /replicate/v1/predictions 200 response.urls.stream} for a property of the 200 response.
 * A published property is covered when the corrected spec has it at the same path (following its
 * {@code $ref}s), or when an ancestor in the corrected spec is free-form ({@code additionalProperties}
 * {@code true} or {@code {}}): corrections 7 and 10 made the model inputs free-form on purpose. Only
 * properties are compared, not their types or descriptions: the overlay makes those changes.
 */
final class SpecCoverage {
    private final JsonNode published;
    private final JsonNode corrected;
    private final List<String> gaps = new ArrayList<>();

    private SpecCoverage(JsonNode published, JsonNode corrected) {
        this.published = published;
        this.corrected = corrected;
    }

    /** Every gap, in the published spec's order; empty when the corrected spec covers it all. */
    static List<String> gaps(JsonNode published, JsonNode corrected) {
        SpecCoverage coverage = new SpecCoverage(published, corrected);
        coverage.compareOperations();
        return List.copyOf(coverage.gaps);
    }

    private void compareOperations() {
        Map<String, JsonNode> correctedOperations = SpecTree.operations(corrected);
        SpecTree.operations(published).forEach((key, operation) -> {
            JsonNode counterpart = correctedOperations.get(key);
            if (counterpart == null) {
                gaps.add(key);
                return;
            }
            compareRequestBodies(key, operation, counterpart);
            compareResponses(key, operation, counterpart);
        });
    }

    private void compareRequestBodies(String key, JsonNode operation, JsonNode counterpart) {
        if (operation.has("requestBody")) {
            compareContent(key, "request",
                    SpecTree.resolve(published, operation.get("requestBody")),
                    SpecTree.resolve(corrected, counterpart.path("requestBody")));
        }
    }

    private void compareResponses(String key, JsonNode operation, JsonNode counterpart) {
        operation.path("responses").properties().forEach(response -> {
            String status = response.getKey();
            JsonNode correctedResponse = counterpart.path("responses").path(status);
            if (correctedResponse.isMissingNode()) {
                gaps.add(key + " " + status);
                return;
            }
            compareContent(key + " " + status, "response",
                    SpecTree.resolve(published, response.getValue()),
                    SpecTree.resolve(corrected, correctedResponse));
        });
    }

    /** Compares a request body's or a response's schemas, media type by media type. */
    private void compareContent(String where, String root, JsonNode body, JsonNode correctedBody) {
        body.path("content").properties().forEach(media -> {
            JsonNode correctedMedia = correctedBody.path("content").path(media.getKey());
            if (correctedMedia.isMissingNode()) {
                gaps.add(where + " " + root + " " + media.getKey());
                return;
            }
            compareProperties(media.getValue().path("schema"), correctedMedia.path("schema"), where + " ", root,
                    false);
        });
    }

    /**
     * Walks the published schema's properties (and array items, as {@code name[]}) and looks each one up
     * in the corrected schema at the same path. {@code freeForm}: a corrected ancestor is free-form, so
     * whatever the corrected schema lacks from here down is covered.
     */
    private void compareProperties(JsonNode schemaOrRef, JsonNode correctedOrRef, String label, String path,
            boolean freeForm) {
        JsonNode schema = readable(published, schemaOrRef, path);
        JsonNode correctedSchema = readable(corrected, correctedOrRef, path);
        boolean covered = freeForm || isFreeForm(correctedSchema);
        schema.path("properties").properties().forEach(property -> {
            String childPath = path + "." + property.getKey();
            JsonNode correctedProperty = correctedSchema.path("properties").path(property.getKey());
            if (!correctedProperty.isMissingNode()) {
                compareProperties(property.getValue(), correctedProperty, label, childPath, covered);
            } else if (!covered) {
                gaps.add(label + childPath);
            }
        });
        if (schema.has("items") && readable(published, schema.get("items"), path).has("properties")) {
            if (correctedSchema.has("items")) {
                compareProperties(schema.get("items"), correctedSchema.get("items"), label, path + "[]", covered);
            } else if (!covered) {
                gaps.add(label + path + "[]");
            }
        }
    }

    /** Resolves a schema, refusing compositions this check does not read rather than passing them. */
    private static JsonNode readable(JsonNode root, JsonNode schemaOrRef, String path) {
        JsonNode schema = SpecTree.resolve(root, schemaOrRef);
        for (String keyword : List.of("allOf", "oneOf", "anyOf", "not")) {
            if (schema.has(keyword)) {
                throw new IllegalStateException("The coverage check does not read '" + keyword + "' (at "
                        + path + "); teach SpecCoverage how to compare it");
            }
        }
        return schema;
    }

    private static boolean isFreeForm(JsonNode schema) {
        JsonNode additional = schema.path("additionalProperties");
        return additional.isBoolean() && additional.booleanValue()
                || additional.isObject() && additional.isEmpty();
    }
}
