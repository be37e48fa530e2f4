package dev.replicate4j.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Applies an OpenAPI Overlay (1.0, plus 1.1's {@code copy}) to a spec tree, in place, action by action.
 *
 * <p>{@code update} merges into each selected node: objects merge recursively, arrays concatenate, any
 * other value replaces; on a selected array the update is appended. {@code copy} merges the one node its
 * JSONPath selects the same way. {@code remove: true} deletes the selected nodes. Stricter than the
 * specification on purpose: an action whose target selects nothing fails, naming its description and
 * target, because a correction that no longer applies is news about the relay's spec; so does an update
 * that would add a property under {@code properties} with annotations only (description, format,
 * nullable...), as that property was the page's and the page dropped it.
 */
final class Overlay {
    private static final Configuration PATHS = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider())
            .mappingProvider(new JacksonMappingProvider())
            .options(Option.AS_PATH_LIST, Option.SUPPRESS_EXCEPTIONS)
            .build();
    private static final Configuration NODES = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider())
            .mappingProvider(new JacksonMappingProvider())
            .build();

    /** The keys of a property schema that say what it is, not only annotate it. */
    private static final List<String> DEFINING =
            List.of("type", "$ref", "allOf", "anyOf", "oneOf", "not", "items", "enum", "properties");

    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final List<Action> actions;

    private Overlay(List<Action> actions) {
        this.actions = actions;
    }

    /** Reads and checks an overlay document. */
    static Overlay parse(JsonNode overlay) {
        String version = overlay.path("overlay").asText("");
        if (!version.matches("1\\.[01]\\.\\d+")) {
            throw new SpecBuildException("Not an Overlay 1.0/1.1 document (overlay: '" + version + "')");
        }
        List<Action> actions = new ArrayList<>();
        int index = 0;
        for (JsonNode a : overlay.path("actions")) {
            index++;
            actions.add(Action.of(index, a));
        }
        if (actions.isEmpty()) {
            throw new SpecBuildException("The overlay has no actions");
        }
        return new Overlay(List.copyOf(actions));
    }

    List<Action> actions() {
        return actions;
    }

    /** Applies every action in order to {@code spec}, which is changed in place. */
    void applyTo(ObjectNode spec) {
        for (Action action : actions) {
            action.applyTo(spec);
        }
    }

    /** One action: a target and exactly one of update, copy or remove, with the reason for it. */
    record Action(int index, String target, String description, JsonNode update, String copy, boolean remove) {

        static Action of(int index, JsonNode a) {
            String target = a.path("target").asText("");
            String description = a.path("description").asText("");
            JsonNode update = a.get("update");
            String copy = a.hasNonNull("copy") ? a.get("copy").asText() : null;
            boolean remove = a.path("remove").asBoolean(false);
            Action action = new Action(index, target, description, update, copy, remove);
            int kinds = (update != null ? 1 : 0) + (copy != null ? 1 : 0) + (remove ? 1 : 0);
            if (target.isEmpty() || description.isBlank() || kinds != 1) {
                throw new SpecBuildException(action.name()
                        + ": needs a target, a description saying why, and exactly one of update, copy, remove");
            }
            return action;
        }

        String name() {
            return "Overlay action #" + index + " (" + description.strip() + ") on " + target;
        }

        void applyTo(ObjectNode spec) {
            DocumentContext doc = JsonPath.using(NODES).parse((Object) spec);
            List<String> paths;
            String why = "";
            try {
                paths = matches(spec, target);
            } catch (JsonPathException e) {
                // A filter over a node that is no longer a list, for example: nothing to correct there.
                paths = List.of();
                why = " (" + e.getMessage() + ")";
            }
            if (paths.isEmpty()) {
                throw new SpecBuildException(name() + " selects nothing in the published spec" + why + ": the relay"
                        + " changed what this correction fixes. Check the drift report (it compares the API, not x-"
                        + " vendor keys or descriptions), then fix or drop the action in the overlay.");
            }
            if (remove) {
                doc.delete(target);
                return;
            }
            JsonNode value = update;
            if (copy != null) {
                List<String> sources = matches(spec, copy);
                if (sources.size() != 1) {
                    throw new SpecBuildException(name() + ": copy source " + copy + " must select exactly one node,"
                            + " selects " + sources.size());
                }
                value = ((JsonNode) doc.read(sources.get(0))).deepCopy();
                if (value.has("$ref")) {
                    // Merged, the $ref would sit beside the copied properties (a self-reference, or ignored).
                    throw new SpecBuildException(name() + ": copy source " + copy + " is now a $ref to "
                            + value.get("$ref").asText() + ": the page names that schema itself. Copy from it,"
                            + " or point the corrections at it, instead.");
                }
            }
            for (String path : paths) {
                Object node = doc.read(path);
                if (node instanceof ArrayNode array) {
                    array.add(value.deepCopy());
                } else if (node instanceof ObjectNode object && value.isObject()) {
                    merge(object, (ObjectNode) value, path);
                } else {
                    throw new SpecBuildException(name() + ": cannot merge into " + path
                            + " (neither an object nor an array)");
                }
            }
        }

        private void merge(ObjectNode into, ObjectNode from, String at) {
            Iterator<Map.Entry<String, JsonNode>> fields = from.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode existing = into.get(field.getKey());
                JsonNode value = field.getValue();
                if (existing != null && METHODS.contains(field.getKey())
                        && at.matches("\\$\\['paths']\\['[^']*']")) {
                    // An operation this action adds, which the page now documents itself: merged, the two
                    // would mix (parameters twice, inline schemas beside $refs).
                    throw new SpecBuildException(name() + ": adds " + field.getKey().toUpperCase(Locale.ROOT)
                            + " " + at.substring("$['paths']['".length(), at.length() - 2)
                            + ", which the page now documents itself (see the drift report). Correct the page's"
                            + " operation with its own actions instead (or remove it first), and drop it from this"
                            + " one.");
                }
                if (existing == null && at.endsWith("['properties']") && annotatesOnly(value)) {
                    // It corrected a property the page had: merged now, it would bring back a dropped one.
                    throw new SpecBuildException(name() + ": only annotates property '" + field.getKey() + "' ("
                            + String.join(", ", (Iterable<String>) value::fieldNames) + "), which " + at
                            + " no longer has: the relay dropped or renamed it (see the drift report). Drop it"
                            + " from this action, or give it a type if the SDK must still declare it.");
                }
                if (existing instanceof ObjectNode object && value.isObject()) {
                    merge(object, (ObjectNode) value, at + "['" + field.getKey() + "']");
                } else if (existing instanceof ArrayNode array && value.isArray()) {
                    array.addAll(((ArrayNode) value).deepCopy());
                } else if (existing == null || (existing.isValueNode() && value.isValueNode())) {
                    into.set(field.getKey(), value.deepCopy());
                } else {
                    throw new SpecBuildException(name() + ": " + at + "['" + field.getKey() + "'] is "
                            + existing.getNodeType() + " in the spec and " + value.getNodeType()
                            + " in the update; remove it first");
                }
            }
        }

        /** A schema with nothing that says what the property is: no type, $ref, composition, items or enum. */
        private static boolean annotatesOnly(JsonNode schema) {
            return schema.isObject() && DEFINING.stream().noneMatch(schema::has);
        }

        private static List<String> matches(JsonNode spec, String path) {
            // With the Jackson provider the path list comes back as an array node of strings.
            Object found = JsonPath.using(PATHS).parse((Object) spec).read(path);
            List<String> paths = new ArrayList<>();
            if (found instanceof Iterable<?> list) {
                for (Object p : list) {
                    paths.add(p instanceof JsonNode node ? node.asText() : String.valueOf(p));
                }
            }
            return paths;
        }
    }
}
