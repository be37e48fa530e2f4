package dev.replicate4j.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

/** The corrected spec parses cleanly with the parser OpenAPI Generator uses. */
class CorrectedSpecParsesTest {

    @Test
    void parsesWithNoErrorsAndNoWarnings() {
        SwaggerParseResult result = OpenApiParsing.parse(Specs.correctedText());

        assertThat(result.getMessages()).as("parser messages").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
    }

    @Test
    void isOpenApi30() {
        SwaggerParseResult result = OpenApiParsing.parse(Specs.correctedText());

        assertThat(result.getOpenAPI().getOpenapi()).matches("3\\.0\\.\\d+");
    }

    @Test
    void theParserReportsWarningsSoTheCheckCanFail() {
        ObjectNode tree = (ObjectNode) Specs.corrected();
        ObjectNode get = (ObjectNode) tree.at("/paths/~1replicate~1v1~1predictions~1{prediction_id}/get");
        get.set("operationID", get.remove("operationId"));
        String misspelt = Specs.toYaml(tree);

        SwaggerParseResult result = OpenApiParsing.parse(misspelt);

        assertThat(result.getMessages()).anySatisfy(message -> assertThat(message).contains("operationID"));
    }

    @Test
    void thePublishedSpecAsPublishedDoesNotParse() {
        SwaggerParseResult result = OpenApiParsing.parse(Specs.frozenPublishedText());

        assertThat(result.getMessages())
                .as("if the relay's YAML now parses, correction #1 and the repair can go")
                .isNotEmpty();
    }
}
