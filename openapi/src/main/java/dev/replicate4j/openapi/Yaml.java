package dev.replicate4j.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** YAML to an ordered tree and back, the same way on every build (so the output is byte-stable). */
final class Yaml {
    private static final YAMLMapper MAPPER = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            // Strings stay quoted: unquoted, a date-time example reads back as a timestamp in YAML 1.1 parsers.
            .disable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build());

    private Yaml() {
    }

    /** The tree, or a {@link SpecBuildException} naming {@code what} and the parser's message. */
    static JsonNode read(String yaml, String what) {
        try {
            JsonNode tree = MAPPER.readTree(yaml);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                throw new SpecBuildException(what + " is empty");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new SpecBuildException(what + " is not valid YAML: " + e.getOriginalMessage(), e);
        }
    }

    static String write(JsonNode tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new SpecBuildException("Cannot write the tree as YAML: " + e.getOriginalMessage(), e);
        }
    }
}
