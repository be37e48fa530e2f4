package dev.replicate4j.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every operation, request property and response property of the relay's published spec is still in
 * the corrected spec (directly, or under a free-form object).
 */
class SpecCoverageTest {

    @Test
    void theCorrectedSpecCoversThePublishedOne() {
        List<String> gaps = SpecCoverage.gaps(Specs.publishedRepaired(), Specs.corrected());

        assertThat(gaps)
                .as("published operations and properties missing from the corrected spec:%n  %s",
                        String.join("\n  ", gaps))
                .isEmpty();
    }

    @Test
    void readsThePublishedSpecDownToNestedProperties() {
        // Compared against an empty document, every published operation is a gap: the walk found them.
        assertThat(SpecCoverage.gaps(Specs.frozenPublishedRepaired(), Specs.yamlTree("openapi: 3.0.3")))
                .containsExactly("POST /replicate/v1/predictions");

        // Against a spec with the operation but no properties at all, every published property path is.
        List<String> gaps = SpecCoverage.gaps(Specs.frozenPublishedRepaired(), Specs.yamlTree("""
                paths:
                  /replicate/v1/predictions:
                    post:
                      requestBody:
                        content:
                          application/json:
                            schema: {type: object}
                      responses:
                        '200':
                          content:
                            application/json:
                              schema: {type: object}
                """));
        assertThat(gaps).hasSize(2 + 11).contains(
                "POST /replicate/v1/predictions request.version",
                "POST /replicate/v1/predictions request.input",
                "POST /replicate/v1/predictions 200 response.logs",
                "POST /replicate/v1/predictions 200 response.urls");
    }

    @Test
    void anythingUnderAFreeFormAncestorIsCovered() {
        // input is free-form but also declares width as a closed object: input.width.* would still be covered.
        JsonNode published = Specs.yamlTree("""
                paths:
                  /p:
                    post:
                      requestBody:
                        content:
                          application/json:
                            schema:
                              properties:
                                input:
                                  properties:
                                    width: {properties: {unit: {type: string}}}
                                    height: {type: integer}
                                other: {properties: {x: {type: string}}}
                """);
        JsonNode corrected = Specs.yamlTree("""
                paths:
                  /p:
                    post:
                      requestBody:
                        content:
                          application/json:
                            schema:
                              properties:
                                input:
                                  additionalProperties: true
                                  properties:
                                    width: {type: object}
                                other: {type: object}
                """);

        assertThat(SpecCoverage.gaps(published, corrected)).containsExactly("POST /p request.other.x");
    }

    @Test
    void nestedPublishedPropertiesAreComparedThroughReferences() {
        // Same operation, response properties behind a $ref, urls known but without stream.
        List<String> gaps = SpecCoverage.gaps(Specs.frozenPublishedRepaired(), Specs.yamlTree("""
                paths:
                  /replicate/v1/predictions:
                    post:
                      requestBody:
                        content:
                          application/json:
                            schema:
                              type: object
                              properties:
                                version: {type: string}
                                input: {type: object, properties: {width: {type: integer}}}
                      responses:
                        '200':
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/P'}
                components:
                  schemas:
                    P:
                      type: object
                      additionalProperties: false
                      properties:
                        id: {type: string}
                        model: {type: string}
                        version: {type: string}
                        input: {type: object, additionalProperties: true}
                        logs: {type: string}
                        output: {}
                        data_removed: {type: boolean}
                        error: {type: string}
                        status: {type: string}
                        created_at: {type: string}
                        urls: {$ref: '#/components/schemas/U'}
                    U:
                      type: object
                      properties:
                        cancel: {type: string}
                        get: {type: string}
                        web: {type: string}
                """));

        assertThat(gaps).containsExactly(
                "POST /replicate/v1/predictions request.input.height",
                "POST /replicate/v1/predictions request.input.prompt",
                "POST /replicate/v1/predictions request.input.scheduler",
                "POST /replicate/v1/predictions request.input.num_outputs",
                "POST /replicate/v1/predictions request.input.guidance_scale",
                "POST /replicate/v1/predictions request.input.num_inference_steps",
                "POST /replicate/v1/predictions 200 response.urls.stream");
    }
}
