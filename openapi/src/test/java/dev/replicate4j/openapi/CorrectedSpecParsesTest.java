package dev.replicate4j.openapi;

import static org.assertj.core.api.Assertions.assertThat;

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
        String misspelt = Specs.correctedText()
                .replace("      operationId: getPrediction\n", "      operationID: getPrediction\n");
        assertThat(misspelt).isNotEqualTo(Specs.correctedText());

        SwaggerParseResult result = OpenApiParsing.parse(misspelt);

        assertThat(result.getMessages()).anySatisfy(message -> assertThat(message).contains("operationID"));
    }

    @Test
    void thePublishedSpecAsPublishedDoesNotParse() {
        SwaggerParseResult result = OpenApiParsing.parse(Specs.publishedText());

        assertThat(result.getMessages())
                .as("if the relay's YAML now parses, correction #1 and the repair can go")
                .isNotEmpty();
    }
}
