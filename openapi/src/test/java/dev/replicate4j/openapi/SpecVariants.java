package dev.replicate4j.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Test fixtures derived from a spec in memory, so they cannot drift from the spec they are derived from.
 */
final class SpecVariants {
    private SpecVariants() {
    }

    /**
     * A copy of {@code spec} without the node at {@code pointer} (a JSON pointer). Fails when there is
     * nothing to remove, so a fixture cannot silently equal the original.
     */
    static JsonNode without(JsonNode spec, String pointer) {
        JsonNode copy = spec.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String field = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (!(parent instanceof ObjectNode object) || !object.has(field)) {
            throw new IllegalArgumentException("Nothing to remove at " + pointer);
        }
        object.remove(field);
        return copy;
    }

    /** A copy of {@code spec} with the node at {@code pointer} replaced by {@code value}. */
    static JsonNode with(JsonNode spec, String pointer, JsonNode value) {
        JsonNode copy = spec.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String field = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (!(parent instanceof ObjectNode object) || !object.has(field)) {
            throw new IllegalArgumentException("Nothing to replace at " + pointer);
        }
        object.set(field, value);
        return copy;
    }
}
