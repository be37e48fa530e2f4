package dev.replicate4j.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** The relay's published spec read as a tree: the text repair, then the checks that it is a spec at all. */
final class PublishedSpec {
    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private PublishedSpec() {
    }

    /**
     * The repaired text of a published spec, checked to need the repair and to parse after it.
     *
     * @param what names the file in messages
     */
    static String repaired(String text, String what) {
        if (text.isBlank()) {
            throw new SpecBuildException(what + " is empty: is the file complete?");
        }
        boolean parsesAsIs;
        try {
            Yaml.read(text, what);
            parsesAsIs = true;
        } catch (SpecBuildException e) {
            parsesAsIs = false;
        }
        String repaired = PublishedYamlRepair.quotePlainDescriptions(text);
        if (parsesAsIs) {
            if (!repaired.equals(text)) {
                throw new SpecBuildException(what + " parses as published, yet the text repair would still"
                        + " quote a description: check the repair against the new text");
            }
            throw new SpecBuildException(what + " now parses as published: the text repair (quoting plain"
                    + " description values that contain ': ') is no longer needed. Remove PublishedYamlRepair"
                    + " from SpecBuild and its paragraph from openapi/README.md.");
        }
        try {
            Yaml.read(repaired, what + " (after the text repair)");
        } catch (SpecBuildException e) {
            // The page broke YAML somewhere the repair does not look: say so, rather than only where.
            throw new SpecBuildException(e.getMessage() + "\nThe text repair only quotes plain description values"
                    + " that contain ': '; the page is broken at the line above in a way it does not repair. Teach"
                    + " PublishedYamlRepair that case (with a test in PublishedYamlRepairTest; never edit the page),"
                    + " or ask the relay to fix its page.", e);
        }
        return repaired;
    }

    /** The repaired tree, checked to hold at least one operation. */
    static JsonNode tree(String text, String what) {
        JsonNode tree = Yaml.read(repaired(text, what), what);
        if (!tree.isObject() || operations(tree).isEmpty()) {
            throw new SpecBuildException(what + " has no operations (no get/post/... under paths):"
                    + " is it truncated, or did the relay rename a key?");
        }
        return tree;
    }

    /** {@code METHOD /path} of every operation. */
    static List<String> operations(JsonNode spec) {
        List<String> operations = new ArrayList<>();
        Iterator<String> paths = spec.path("paths").fieldNames();
        while (paths.hasNext()) {
            String path = paths.next();
            Iterator<String> keys = spec.path("paths").path(path).fieldNames();
            while (keys.hasNext()) {
                String key = keys.next();
                if (METHODS.contains(key)) {
                    operations.add(key.toUpperCase(java.util.Locale.ROOT) + " " + path);
                }
            }
        }
        return operations;
    }
}
