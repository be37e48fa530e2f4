package dev.replicate4j.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one text repair applied to the published YAML, and only that, on the frozen page of November 2026. */
class PublishedYamlRepairTest {
    private final String published = Specs.frozenPublishedText();
    private final String repaired = PublishedYamlRepair.quotePlainDescriptions(published);

    @Test
    void thePublishedYamlDoesNotParseAsPublished() {
        assertThatThrownBy(() -> Specs.yamlTree(published))
                .as("if the relay's YAML now parses, correction #1 and the repair can go")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not valid YAML");
    }

    @Test
    void afterTheRepairItParses() {
        JsonNode tree = Specs.yamlTree(repaired);

        assertThat(tree.at("/paths/~1replicate~1v1~1predictions/post/requestBody/content/application~1json"
                + "/schema/properties/input/properties/width/description").asText())
                .isEqualTo("Width of the generated image (in pixels). Must be a multiple of 64. Default: 768.");
        assertThat(tree.at("/paths/~1replicate~1v1~1predictions/post/requestBody/content/application~1json"
                + "/schema/properties/input/properties/scheduler/description").asText())
                .isEqualTo("Select a scheduler. Default: \"DPMSolverMultistep\".");
    }

    @Test
    void onlyQuotesTheSixPlainDescriptionsThatContainAColon() {
        String[] before = published.split("\n", -1);
        String[] after = repaired.split("\n", -1);
        assertThat(after).hasSameSizeAs(before);

        List<String> changed = new ArrayList<>();
        for (int i = 0; i < before.length; i++) {
            if (!before[i].equals(after[i])) {
                changed.add(after[i].strip());
                String key = before[i].substring(0, before[i].indexOf("description: ") + "description: ".length());
                String value = before[i].substring(key.length());
                assertThat(after[i]).isEqualTo(key + "'" + value + "'");
                assertThat(value).contains(": ");
            }
        }
        assertThat(changed).hasSize(6).allMatch(line -> line.startsWith("description: '"));
    }

    @Test
    void escapesSingleQuotesAndLeavesOtherScalarsAlone() {
        String yaml = """
                a:
                  description: It's one: two
                  other: ''
                b:
                  description: 'already: quoted'
                  title: "x"
                c:
                  description: >-
                    folded: left alone
                d:
                  description: no colon here
                """;

        String result = PublishedYamlRepair.quotePlainDescriptions(yaml);

        assertThat(result).isEqualTo(yaml.replace("description: It's one: two", "description: 'It''s one: two'"));
        assertThat(Specs.yamlTree(result).at("/a/description").asText()).isEqualTo("It's one: two");
    }

    @Test
    void isIdempotent() {
        assertThat(PublishedYamlRepair.quotePlainDescriptions(repaired)).isEqualTo(repaired);
    }
}
