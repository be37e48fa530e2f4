package dev.replicate4j.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The two specs as this module packages them, frozen copies of both for the checks' own tests, (read from the classpath, so the checks see exactly what a
 * consumer of the jar gets), and YAML-to-tree reading.
 */
final class Specs {
    static final String CORRECTED = "dev/replicate4j/openapi/chainhub-replicate-predictions.yaml";
    static final String PUBLISHED =
            "dev/replicate4j/openapi/published/chainhub-replicate-predictions.published.yaml";

    /** Frozen copies (the page of November 2026 and the spec built from it): the checks' own tests use them. */
    static final String FROZEN_PUBLISHED = "fixtures/published-2026-11.yaml";
    static final String FROZEN_CORRECTED = "fixtures/corrected-2026-11.yaml";

    private static final ObjectMapper YAML = new YAMLMapper();

    private Specs() {
    }

    static String correctedText() {
        return resource(CORRECTED);
    }

    static String publishedText() {
        return resource(PUBLISHED);
    }

    static String frozenPublishedText() {
        return resource(FROZEN_PUBLISHED);
    }

    /** The frozen published page after the text repair. */
    static JsonNode frozenPublishedRepaired() {
        return yamlTree(PublishedYamlRepair.quotePlainDescriptions(frozenPublishedText()));
    }

    static JsonNode frozenCorrected() {
        return yamlTree(resource(FROZEN_CORRECTED));
    }

    /** The corrected spec as a plain tree: `$ref`s are left in place. */
    static JsonNode corrected() {
        return yamlTree(correctedText());
    }

    /** The published spec after the one documented repair (see PublishedYamlRepair). */
    static JsonNode publishedRepaired() {
        return yamlTree(PublishedYamlRepair.quotePlainDescriptions(publishedText()));
    }

    static JsonNode yamlTree(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not valid YAML: " + e.getOriginalMessage(), e);
        }
    }

    static String toYaml(JsonNode tree) {
        try {
            return YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the tree back as YAML", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Specs.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Not on the classpath (is it still packaged?): " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }
}
