package dev.replicate4j.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every example in the corrected spec validates against its schema (OpenAPI 3.0 dialect: nullable,
 * formats asserted), and wrong examples fail.
 */
class SpecExamplesTest {
    private static final String CREATE = "/paths/~1replicate~1v1~1predictions/post";
    private static final String CREATED_EXAMPLE = CREATE + "/responses/201/content/application~1json/example";
    private static final String OK_EXAMPLE = CREATE + "/responses/200/content/application~1json/example";

    private final JsonNode corrected = Specs.corrected();

    @Test
    void findsTheExamplesOfEveryKind() {
        assertThat(SpecExamples.in(corrected)).extracting(SpecExamples.Example::pointer).contains(
                CREATE + "/requestBody/content/application~1json/example",
                OK_EXAMPLE,
                CREATED_EXAMPLE,
                "/components/parameters/Prefer/example",
                "/components/parameters/CancelAfter/example",
                "/components/responses/Problem/content/application~1problem+json/example",
                "/components/schemas/PredictionRequest/properties/version/example");
    }

    @Test
    void everyExampleValidatesAgainstItsSchema() {
        List<String> errors = ExampleValidator.forDocument(corrected).errors(SpecExamples.in(corrected));

        assertThat(errors).as("examples that do not match their schema:%n  %s", String.join("\n  ", errors))
                .isEmpty();
    }

    @Test
    void anIntegerStatusFails() {
        JsonNode spec = SpecVariants.with(corrected, CREATED_EXAMPLE + "/status", IntNode.valueOf(42));

        assertThat(ExampleValidator.forDocument(spec).errors(SpecExamples.in(spec)))
                .isNotEmpty()
                .allSatisfy(error -> assertThat(error).startsWith(CREATED_EXAMPLE + ": /status: "))
                .anySatisfy(error -> assertThat(error).contains("integer found, string expected"));
    }

    @Test
    void anUnknownStatusFails() {
        JsonNode spec = SpecVariants.with(corrected, CREATED_EXAMPLE + "/status", TextNode.valueOf("done"));

        assertThat(ExampleValidator.forDocument(spec).errors(SpecExamples.in(spec)))
                .singleElement().asString().startsWith(CREATED_EXAMPLE + ": ").contains("status");
    }

    @Test
    void aPredictionWithoutIdFails() {
        JsonNode spec = SpecVariants.without(corrected, OK_EXAMPLE + "/id");

        assertThat(ExampleValidator.forDocument(spec).errors(SpecExamples.in(spec)))
                .singleElement().asString().startsWith(OK_EXAMPLE + ": ").contains("id");
    }

    @Test
    void nullIsAcceptedOnlyWhereTheSchemaSaysNullable() {
        ExampleValidator validator = ExampleValidator.forDocument(corrected);
        String prediction = "/components/schemas/Prediction";
        ObjectNode running = (ObjectNode) corrected.at(OK_EXAMPLE).deepCopy();
        running.putNull("error").putNull("output").putNull("completed_at");

        assertThat(validator.errors(running, prediction)).isEmpty();
        assertThat(validator.errors(running.deepCopy().putNull("data_removed"), prediction))
                .singleElement().asString().contains("data_removed");
    }

    @Test
    void formatsAreAsserted() {
        ExampleValidator validator = ExampleValidator.forDocument(corrected);
        ObjectNode prediction = (ObjectNode) corrected.at(OK_EXAMPLE).deepCopy();
        prediction.put("created_at", "yesterday");

        assertThat(validator.errors(prediction, "/components/schemas/Prediction"))
                .singleElement().asString().contains("created_at");
    }

    @Test
    void aWrongProblemDetailsExampleFails() {
        String problem = "/components/responses/Problem/content/application~1problem+json/example";
        JsonNode spec = SpecVariants.with(corrected, problem + "/status", TextNode.valueOf("429"));

        assertThat(ExampleValidator.forDocument(spec).errors(SpecExamples.in(spec)))
                .singleElement().asString().startsWith(problem + ": ");
    }

    @Test
    void aMisspeltSchemaKeywordFails() {
        JsonNode spec = SpecVariants.with(corrected, "/components/schemas/Prediction/properties/error",
                Specs.yamlTree("{type: string, nulable: true}"));

        assertThatThrownBy(() -> ExampleValidator.forDocument(spec).errors(SpecExamples.in(spec)))
                .hasMessageContaining("nulable");
    }

    @Test
    void aHeaderExampleOutsideItsPatternFails() {
        JsonNode spec = SpecVariants.with(corrected, "/components/parameters/Prefer/example",
                TextNode.valueOf("wait=61"));

        assertThat(ExampleValidator.forDocument(spec).errors(SpecExamples.in(spec)))
                .singleElement().asString().startsWith("/components/parameters/Prefer/example: ");
    }
}
