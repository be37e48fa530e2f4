package dev.replicate4j.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The regeneration drills, run on temporary copies: the relay's page changes as it might, and the build
 * step ({@link SpecBuild}) reports it, corrects it or stops with a message that says why. Each drill starts
 * from the accepted baseline as the published page, with the module's own overlay.
 */
class SpecBuildDrillsTest {
    private static final Path BASELINE = Path.of("baseline/chainhub-replicate-predictions.published.yaml");
    private static final Path OVERLAY = Path.of("chainhub-replicate-predictions.overlay.yaml");

    @TempDir
    Path dir;
    private Path published;
    private Path baseline;
    private Path overlay;
    private String page;

    @BeforeEach
    void copies() throws IOException {
        published = dir.resolve("published.yaml");
        baseline = dir.resolve("baseline.yaml");
        overlay = dir.resolve("overlay.yaml");
        page = Files.readString(BASELINE, StandardCharsets.UTF_8);
        Files.writeString(published, page);
        Files.writeString(baseline, page);
        Files.copy(OVERLAY, overlay);
    }

    @Test
    void theUnchangedPageBuildsWithNoDrift() {
        SpecBuild.Result result = build(false);

        assertThat(result.failure()).isNull();
        assertThat(result.report()).contains("none");
        assertThat(result.corrected().at("/components/schemas/Prediction/properties/logs/type").asText())
                .isEqualTo("string");
    }

    @Test
    void anAddedOptionalRequestAndResponsePropertyPassAndAreReported() throws IOException {
        // Before the first bare `version:` key (request schema) and the second (response schema).
        String changed = insertBeforeKey(page, "version", 1, "seed", "integer");
        changed = insertBeforeKey(changed, "version", 2, "queue_position", "integer");
        Files.writeString(published, changed);

        SpecBuild.Result result = build(false);

        assertThat(result.failure()).isNull();
        assertThat(result.report())
                .contains("+ POST /replicate/v1/predictions request property seed")
                .contains("+ POST /replicate/v1/predictions 200 response property queue_position")
                .contains(SpecBuild.ACCEPT);
        JsonNode schemas = result.corrected().path("components").path("schemas");
        assertThat(schemas.at("/PredictionRequest/properties/seed/type").asText()).isEqualTo("integer");
        assertThat(schemas.at("/Prediction/properties/queue_position/type").asText()).isEqualTo("integer");
        assertThat(schemas.at("/PredictionRequest/required")).hasSize(2);
    }

    @Test
    void droppingLogsFailsNamingLogs() throws IOException {
        String changed = removeProperty(page, "logs");
        Files.writeString(published, changed);

        SpecBuild.Result result = build(false);

        assertThat(result.failure()).isNotNull();
        assertThat(result.failure().getMessage())
                .contains("- POST /replicate/v1/predictions 200 response property logs")
                .contains(SpecBuild.ACCEPT);
    }

    @Test
    void acceptingADropUpdatesTheBaselineAndTheOverlayNamesWhatItWouldBringBack() throws IOException {
        String changed = removeProperty(page, "logs");
        Files.writeString(published, changed);

        StringBuilder report = new StringBuilder();
        assertThatThrownBy(() -> new SpecBuild(published, baseline, overlay).run(true, report))
                .as("the overlay's description of logs would bring back a typeless logs")
                .hasMessageContaining("only annotates property 'logs' (nullable, description)");
        assertThat(report).contains("Accepted");
        assertThat(Files.readString(baseline)).isEqualTo(changed);

        // The fix the message asks for: logs out of the overlay's Prediction update.
        String fixed = Files.readString(overlay).replaceFirst(
                "(?m)^        logs:\\n          nullable: true\\n          description: .*\\n", "");
        assertThat(fixed).isNotEqualTo(Files.readString(overlay));
        Files.writeString(overlay, fixed);
        SpecBuild.Result result = build(false);
        assertThat(result.report()).contains("none");
        assertThat(result.corrected().at("/components/schemas/Prediction/properties").has("logs")).isFalse();
    }

    @Test
    void fixedQuotingSaysTheTextRepairIsNoLongerNeeded() throws IOException {
        Files.writeString(published, PublishedYamlRepair.quotePlainDescriptions(page));

        assertThatThrownBy(() -> build(false))
                .isInstanceOf(SpecBuildException.class)
                .hasMessageContaining("the text repair")
                .hasMessageContaining("no longer needed");
    }

    @Test
    void aPageWithFixedQuotingCanBeAcceptedBeforeTheRepairIsRemoved() throws IOException {
        String fixed = PublishedYamlRepair.quotePlainDescriptions(page);
        Files.writeString(published, fixed);

        assertThatThrownBy(() -> build(true)).hasMessageContaining("no longer needed");
        assertThat(Files.readString(baseline)).isEqualTo(fixed);
    }

    @Test
    void anOverlayActionWhoseTargetDisappearedFailsWithItsDescription() throws IOException {
        // The relay stops declaring the Authorization parameter: accepted as drift, the correction is stale.
        Matcher m = Pattern.compile("(?m)^( +)- name: Authorization\\n(\\1  .*\\n)*").matcher(page);
        assertThat(m.find()).as("the page declares an Authorization parameter").isTrue();
        Files.writeString(published, m.replaceFirst(""));
        assertThat(build(false).failure()).as("first as drift: a removed parameter")
                .hasMessageContaining("- POST /replicate/v1/predictions parameter header Authorization");

        assertThatThrownBy(() -> build(true))
                .isInstanceOf(SpecBuildException.class)
                .hasMessageContaining("The Authorization header is declared as a parameter")
                .hasMessageContaining("[?(@.name == 'Authorization')]")
                .hasMessageContaining("selects nothing");
    }

    @Test
    void aNewModelVersionIsNamed() throws IOException {
        String hash = "f121" + "0".repeat(60);
        String changed = page.replaceFirst("(?m)^( +)(\"[0-9a-f]{64}\":)$",
                "$1\"" + hash + "\":\n$1\"acme/new-model\",\n\n$1$2");
        assertThat(changed).contains(hash);
        Files.writeString(published, changed);

        SpecBuildException failure = null;
        try {
            build(false);
        } catch (SpecBuildException e) {
            failure = e;
        }

        assertThat(failure).as("a version the overlay does not list stops the build").isNotNull();
        assertThat(failure.getMessage()).contains("new version f1210000… (acme/new-model")
                .contains("Add `" + hash + ": acme/new-model` to x-supported-versions")
                .contains("openapi/models/acme.new-model.yaml");
        Drift drift = Drift.between(PublishedSpec.repaired(page, "baseline"), PublishedSpec.tree(page, "baseline"),
                PublishedSpec.repaired(changed, "page"), PublishedSpec.tree(changed, "page"));
        assertThat(drift.lines()).contains("+ new version f1210000… (acme/new-model)");
    }

    @Test
    void aNewResponseHeaderIsReportedAndKept() throws IOException {
        String changed = page.replace("          headers: {}\n", "          headers:\n            X-Request-Id:\n"
                + "              description: Identifier of the request.\n              schema:\n"
                + "                type: string\n");
        assertThat(changed).as("the page has an empty headers object").isNotEqualTo(page);
        Files.writeString(published, changed);

        SpecBuild.Result result = build(false);

        assertThat(result.failure()).isNull();
        assertThat(result.report()).contains("+ POST /replicate/v1/predictions 200 response header X-Request-Id");
        assertThat(result.corrected().at("/paths/~1replicate~1v1~1predictions/post/responses/200/headers"
                + "/X-Request-Id/schema/type").asText()).isEqualTo("string");
    }

    @Test
    void aNewRequestHeaderStopsTheBuildSayingWhatToDo() throws IOException {
        Files.writeString(published, page.replace("      requestBody:\n", "        - name: X-Idempotency-Key\n"
                + "          in: header\n          required: false\n          schema:\n            type: string\n"
                + "      requestBody:\n"));

        SpecBuild.Result result = build(false);

        assertThat(result.failure()).isNotNull();
        assertThat(result.failure().getMessage())
                .contains("+ POST /replicate/v1/predictions parameter header X-Idempotency-Key")
                .contains("gains an argument")
                .contains(SpecBuild.ACCEPT);
    }

    @Test
    void anEnumThePageGivesTheStatusStopsTheBuildAndOnceAcceptedLeavesPredictionStatusAlone() throws IOException {
        String changed = page.replace("                  status:\n                    type: string\n",
                "                  status:\n                    type: string\n                    enum:\n"
                        + "                      - starting\n                      - succeeded\n");
        assertThat(changed).as("the page has a string status").isNotEqualTo(page);
        Files.writeString(published, changed);

        assertThat(build(false).failure()).hasMessageContaining("openapi-diff judges the change incompatible");
        SpecBuild.Result accepted = build(true);

        assertThat(accepted.failure()).isNull();
        JsonNode status = accepted.corrected().at("/components/schemas/Prediction/properties/status");
        assertThat(status.path("$ref").asText()).isEqualTo("#/components/schemas/PredictionStatus");
        assertThat(status.has("enum")).as("no enum beside the $ref").isFalse();
    }

    @Test
    void anOperationTheOverlayAddsThatThePageNowDocumentsFailsNamingIt() throws IOException {
        String changed = page.replace("\ncomponents:\n", "\n" + """
                  /replicate/v1/predictions/{prediction_id}:
                    get:
                      summary: Query a task
                      parameters:
                        - name: prediction_id
                          in: path
                          required: true
                          schema:
                            type: string
                      responses:
                        '200':
                          description: ''
                components:
                """);
        assertThat(changed).contains("Query a task");
        Files.writeString(published, changed);

        StringBuilder report = new StringBuilder();
        assertThatThrownBy(() -> new SpecBuild(published, baseline, overlay).run(false, report))
                .hasMessageContaining("Polling and cancel")
                .hasMessageContaining("adds GET /replicate/v1/predictions/{prediction_id}, which the page now"
                        + " documents itself");
        assertThat(report).contains("+ operation GET /replicate/v1/predictions/{prediction_id}");
    }

    @Test
    void aPageBrokenWhereTheRepairDoesNotLookSaysSo() throws IOException {
        Files.writeString(published, page.replace("summary: Create a task - via", "summary: Create a task: via"));

        assertThatThrownBy(() -> build(false))
                .hasMessageContaining("is not valid YAML")
                .hasMessageContaining("summary: Create a task: via")
                .hasMessageContaining("Teach PublishedYamlRepair that case");
    }

    @Test
    void aByteOrderMarkAndCrlfLineEndingsBuildTheSameSpec() throws IOException {
        JsonNode expected = build(false).corrected();
        for (String variant : new String[] {"\ufeff" + page, page.replace("\n", "\r\n")}) {
            Files.writeString(published, variant);

            SpecBuild.Result result = build(false);

            assertThat(result.report()).contains("none");
            assertThat(result.corrected()).isEqualTo(expected);
        }
    }

    @Test
    void aVendorKeyTheRelayDroppedNamesTheStaleAction() throws IOException {
        Files.writeString(published, page.replaceAll("(?m)^ +x-run-in-apifox: .*\n", ""));

        assertThatThrownBy(() -> build(false))
                .hasMessageContaining("$..['x-run-in-apifox'] selects nothing")
                .hasMessageContaining("not x- vendor keys");
    }

    @Test
    void aPageWithNoOperationsOrNoTextFailsSayingSo() throws IOException {
        Files.writeString(published, page.replace("\npaths:\n", "\npathz:\n"));
        assertThatThrownBy(() -> build(false)).hasMessageContaining("has no operations");

        Files.writeString(published, "");
        assertThatThrownBy(() -> build(false)).hasMessageContaining("is empty");

        Files.writeString(published, page.substring(0, page.indexOf("\npaths:\n") + 8) + "  /x: [\n");
        assertThatThrownBy(() -> build(false)).hasMessageContaining("is not valid YAML");
    }

    private SpecBuild.Result build(boolean accept) {
        return new SpecBuild(published, baseline, overlay).run(accept);
    }

    /** Inserts an optional {@code name} property before the {@code nth} bare {@code key:} line, same indent. */
    private static String insertBeforeKey(String yaml, String key, int nth, String name, String type) {
        Matcher m = Pattern.compile("(?m)^( +)" + key + ":$").matcher(yaml);
        for (int i = 0; i < nth; i++) {
            assertThat(m.find()).as("bare key %s number %s", key, nth).isTrue();
        }
        String indent = m.group(1);
        return yaml.substring(0, m.start()) + indent + name + ":\n" + indent + "  type: " + type + "\n"
                + yaml.substring(m.start());
    }

    /** Removes every bare {@code name:} property block and its {@code - name} entries in required lists. */
    private static String removeProperty(String yaml, String name) {
        String removed = yaml.replaceAll("(?m)^( +)" + name + ":\\n(\\1  .*\\n)*", "")
                .replaceAll("(?m)^ +- " + name + "\\n", "");
        assertThat(removed).as("the page has a %s property", name).isNotEqualTo(yaml);
        return removed;
    }
}
