package dev.replicate4j.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code x-supported-versions} on createPrediction lists exactly the model versions the relay's page
 * lists in its description (the overlay action on createPrediction).
 */
class SupportedVersionsTest {
    private static final Pattern HASH = Pattern.compile("\\b[0-9a-f]{64}\\b");
    /** The page writes each version as {@code "<hash>": "<owner/name>"}. */
    private static final Pattern HASH_AND_NAME = Pattern.compile("\"([0-9a-f]{64})\":\\s*\"([^\"]+)\"");

    private final String publishedDescription = Specs.publishedRepaired()
            .at("/paths/~1replicate~1v1~1predictions/post/description").asText();
    private final Object extension = ParsedSpec.corrected()
            .operation("POST /replicate/v1/predictions").getExtensions().get("x-supported-versions");

    @Test
    void listsExactlyThePublishedHashes() {
        Set<String> published = new LinkedHashSet<>();
        Matcher m = HASH.matcher(publishedDescription);
        while (m.find()) {
            published.add(m.group());
        }

        assertThat(published).as("hashes in the published description").isNotEmpty();
        assertThat(extension).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) extension).keySet()).map(String::valueOf)
                .containsExactlyInAnyOrderElementsOf(published);
    }

    @Test
    void namesEachVersionAsThePageDoes() {
        Map<String, String> published = new LinkedHashMap<>();
        Matcher m = HASH_AND_NAME.matcher(publishedDescription);
        while (m.find()) {
            published.put(m.group(1), m.group(2));
        }

        assertThat(published).isNotEmpty();
        assertThat(extension).isEqualTo(published);
    }

    @Test
    void theCorrectedDescriptionStillListsThem() {
        String description = ParsedSpec.corrected().operation("POST /replicate/v1/predictions").getDescription();

        assertThat(((Map<?, ?>) extension).keySet())
                .allSatisfy(hash -> assertThat(description).contains((String) hash));
    }
}
