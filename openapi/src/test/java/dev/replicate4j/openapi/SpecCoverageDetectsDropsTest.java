package dev.replicate4j.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The coverage check fails, naming exactly what is missing, on fixtures derived from the corrected spec
 * by dropping one thing the published spec has (the frozen pair of November 2026, so a real change of the
 * relay's page cannot make these fail).
 */
class SpecCoverageDetectsDropsTest {
    private static final String CREATE = "POST /replicate/v1/predictions";
    private static final String CREATE_PATH = "/paths/~1replicate~1v1~1predictions/post";

    private final JsonNode published = Specs.frozenPublishedRepaired();
    private final JsonNode corrected = Specs.frozenCorrected();

    @Test
    void reportsAResponsePropertyDroppedFromPrediction() {
        JsonNode fixture = SpecVariants.without(corrected, "/components/schemas/Prediction/properties/logs");

        assertThat(OpenApiParsing.parse(Specs.toYaml(fixture)).getMessages())
                .as("the fixture is a valid spec: only the coverage check can catch the drop")
                .isEmpty();
        assertThat(SpecCoverage.gaps(published, fixture)).containsExactly(CREATE + " 200 response.logs");
    }

    @Test
    void reportsADroppedOperation() {
        JsonNode fixture = SpecVariants.without(corrected, CREATE_PATH);

        assertThat(SpecCoverage.gaps(published, fixture)).containsExactly(CREATE);
    }

    @Test
    void reportsANestedPropertyDroppedBehindAReference() {
        JsonNode fixture = SpecVariants.without(corrected, "/components/schemas/PredictionUrls/properties/stream");

        assertThat(SpecCoverage.gaps(published, fixture)).containsExactly(CREATE + " 200 response.urls.stream");
    }

    @Test
    void reportsARequestPropertyDropped() {
        JsonNode fixture = SpecVariants.without(corrected, "/components/schemas/PredictionRequest/properties/version");

        assertThat(SpecCoverage.gaps(published, fixture)).containsExactly(CREATE + " request.version");
    }

    @Test
    void reportsEveryPublishedInputFieldOnceInputIsNoLongerFreeForm() {
        JsonNode fixture = SpecVariants.without(corrected,
                "/components/schemas/PredictionRequest/properties/input/additionalProperties");

        assertThat(SpecCoverage.gaps(published, fixture)).containsExactlyElementsOf(List.of(
                "width", "height", "prompt", "scheduler", "num_outputs", "guidance_scale", "num_inference_steps")
                .stream().map(field -> CREATE + " request.input." + field).toList());
    }

    @Test
    void reportsADroppedResponseStatus() {
        JsonNode fixture = SpecVariants.without(corrected, CREATE_PATH + "/responses/200");

        assertThat(SpecCoverage.gaps(published, fixture)).containsExactly(CREATE + " 200");
    }

    @Test
    void reportsADroppedMediaType() {
        JsonNode fixture = SpecVariants.without(corrected, CREATE_PATH + "/requestBody/content/application~1json");

        assertThat(SpecCoverage.gaps(published, fixture)).containsExactly(CREATE + " request application/json");
    }
}
