package dev.replicate4j.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The corrected spec's operations as the generator sees them: names, parameters, authentication, and
 * request and response bodies that are all named component schemas.
 */
class CorrectedSpecOperationsTest {
    private static final String CREATE = "POST /replicate/v1/predictions";
    private static final String GET = "GET /replicate/v1/predictions/{prediction_id}";
    private static final String CANCEL = "POST /replicate/v1/predictions/{prediction_id}/cancel";
    private static final List<String> SERVER_ERRORS = List.of("500", "502", "503", "504");

    private final ParsedSpec spec = ParsedSpec.corrected();

    @Test
    void operationIdsAreOnTheirPathsAndMethods() {
        Map<String, String> operationIds = new LinkedHashMap<>();
        spec.operations().forEach((key, operation) -> operationIds.put(key, operation.getOperationId()));

        assertThat(operationIds).containsExactlyInAnyOrderEntriesOf(Map.of(
                CREATE, "createPrediction",
                GET, "getPrediction",
                CANCEL, "cancelPrediction"));
    }

    @Test
    void getAndCancelTakeTheRequiredPredictionIdInThePath() {
        for (String key : List.of(GET, CANCEL)) {
            assertThat(spec.parameters(spec.operation(key)))
                    .as(key)
                    .singleElement()
                    .satisfies(parameter -> {
                        assertThat(parameter.getName()).isEqualTo("prediction_id");
                        assertThat(parameter.getIn()).isEqualTo("path");
                        assertThat(parameter.getRequired()).isTrue();
                    });
        }
    }

    @Test
    void authenticationIsOnlyTheBearerSecurityScheme() {
        assertThat(spec.allParameters())
                .extracting(Parameter::getName)
                .noneMatch(name -> name.equalsIgnoreCase("Authorization"));
        SecurityScheme bearer = spec.api().getComponents().getSecuritySchemes().get("bearer");
        assertThat(bearer.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(bearer.getScheme()).isEqualTo("bearer");
        assertThat(spec.api().getSecurity()).singleElement()
                .satisfies(requirement -> assertThat(requirement).containsOnlyKeys("bearer"));
    }

    @Test
    void createTakesPreferAndCancelAfterHeaders() {
        Map<String, Parameter> headers = new LinkedHashMap<>();
        spec.parameters(spec.operation(CREATE)).forEach(parameter -> headers.put(parameter.getName(), parameter));

        assertThat(headers).containsOnlyKeys("Prefer", "Cancel-After");
        assertThat(headers.values()).allSatisfy(header -> {
            assertThat(header.getIn()).isEqualTo("header");
            assertThat(header.getRequired()).isNotEqualTo(Boolean.TRUE);
            assertThat(header.getSchema().getType()).isEqualTo("string");
        });
    }

    @Test
    void createTakesAPredictionRequest() {
        Operation create = spec.operation(CREATE);

        assertThat(create.getRequestBody().getRequired()).isTrue();
        assertThat(create.getRequestBody().getContent()).containsOnlyKeys("application/json");
        assertThat(create.getRequestBody().getContent().get("application/json").getSchema().get$ref())
                .isEqualTo(ParsedSpec.SCHEMAS + "PredictionRequest");
    }

    @Test
    void createAnswers200And201And202WithAPrediction() {
        Map<String, ApiResponse> responses = spec.operation(CREATE).getResponses();

        for (String status : List.of("200", "201", "202")) {
            assertThat(responses).containsKey(status);
            assertThat(responses.get(status).getContent().get("application/json").getSchema().get$ref())
                    .as(status)
                    .isEqualTo(ParsedSpec.SCHEMAS + "Prediction");
        }
    }

    @Test
    void getAndCancelAnswer200WithAPrediction() {
        for (String key : List.of(GET, CANCEL)) {
            ApiResponse ok = spec.operation(key).getResponses().get("200");
            assertThat(ok.getContent().get("application/json").getSchema().get$ref())
                    .as(key)
                    .isEqualTo(ParsedSpec.SCHEMAS + "Prediction");
        }
    }

    @Test
    void errorsAreProblemDetails() {
        Map<String, List<String>> expected = Map.of(
                CREATE, withServerErrors("401", "404", "422", "429"),
                GET, withServerErrors("401", "404", "429"),
                CANCEL, withServerErrors("401", "404", "429"));

        expected.forEach((key, statuses) -> {
            Map<String, ApiResponse> responses = spec.operation(key).getResponses();
            for (String status : statuses) {
                assertThat(responses).as(key).containsKey(status);
                MediaType problem = spec.resolve(responses.get(status)).getContent().get("application/problem+json");
                assertThat(problem).as(key + " " + status + " application/problem+json").isNotNull();
                assertThat(problem.getSchema().get$ref()).isEqualTo(ParsedSpec.SCHEMAS + "ProblemDetails");
            }
        });
    }

    @Test
    void everyRequestAndResponseBodyIsANamedComponentSchema() {
        List<String> inline = new ArrayList<>();
        spec.operations().forEach((key, operation) -> {
            if (operation.getRequestBody() != null) {
                operation.getRequestBody().getContent().forEach((media, content) ->
                        checkNamed(key + " request " + media, content.getSchema(), inline));
            }
            operation.getResponses().forEach((status, response) -> {
                ApiResponse resolved = spec.resolve(response);
                if (resolved.getContent() != null) {
                    resolved.getContent().forEach((media, content) ->
                            checkNamed(key + " " + status + " " + media, content.getSchema(), inline));
                }
            });
        });

        assertThat(inline).as("bodies whose schema is not a component reference").isEmpty();
    }

    @Test
    void noSchemaDeclaresAnInlineObjectWithProperties() {
        List<String> inline = new ArrayList<>();
        spec.api().getComponents().getSchemas().forEach((name, schema) -> findInlineObjects(name, schema, inline));

        assertThat(inline).as("nested object schemas the generator would have to invent a class name for")
                .isEmpty();
    }

    private void checkNamed(String where, Schema<?> schema, List<String> inline) {
        if (schema == null || schema.get$ref() == null || !schema.get$ref().startsWith(ParsedSpec.SCHEMAS)) {
            inline.add(where);
        } else {
            spec.component(schema); // must exist
        }
    }

    /** Walks nested schemas; a nested one that declares properties without being a reference is inline. */
    private static void findInlineObjects(String path, Schema<?> schema, List<String> inline) {
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> {
                String childPath = path + "." + name;
                if (property.get$ref() == null && property.getProperties() != null
                        && !property.getProperties().isEmpty()) {
                    inline.add(childPath);
                }
                findInlineObjects(childPath, property, inline);
            });
        }
        if (schema.getItems() != null) {
            if (schema.getItems().get$ref() == null && schema.getItems().getProperties() != null) {
                inline.add(path + "[]");
            }
            findInlineObjects(path + "[]", schema.getItems(), inline);
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            if (values.get$ref() == null && values.getProperties() != null) {
                inline.add(path + ".*");
            }
            findInlineObjects(path + ".*", values, inline);
        }
    }

    private static List<String> withServerErrors(String... statuses) {
        List<String> all = new ArrayList<>(List.of(statuses));
        all.addAll(SERVER_ERRORS);
        return all;
    }
}
