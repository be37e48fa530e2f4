package dev.replicate4j.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The model versions a spec lists: in the published description, and as the corrected x-supported-versions. */
final class SupportedVersions {
    /** The page writes each version as {@code "<hash>": "<owner/name>"}. */
    private static final Pattern HASH_AND_NAME = Pattern.compile("\"([0-9a-f]{64})\":\\s*\"([^\"]+)\"");

    private SupportedVersions() {
    }

    /** Hash to {@code owner/name}, from every operation description of a published spec. */
    static Map<String, String> published(JsonNode spec) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (JsonNode pathItem : spec.path("paths")) {
            for (JsonNode operation : pathItem) {
                Matcher m = HASH_AND_NAME.matcher(operation.path("description").asText(""));
                while (m.find()) {
                    versions.put(m.group(1), m.group(2));
                }
            }
        }
        return versions;
    }

    /** Hash to {@code owner/name}, from every operation's {@code x-supported-versions}. */
    static Map<String, String> corrected(JsonNode spec) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (JsonNode pathItem : spec.path("paths")) {
            for (JsonNode operation : pathItem) {
                Iterator<Map.Entry<String, JsonNode>> it = operation.path("x-supported-versions").fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    versions.put(e.getKey(), e.getValue().asText());
                }
            }
        }
        return versions;
    }

    /** {@code f121ab12…} : enough to recognise a version in a message. */
    static String shortHash(String hash) {
        return hash.substring(0, 8) + "…";
    }
}
