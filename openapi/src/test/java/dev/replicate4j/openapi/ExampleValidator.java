package dev.replicate4j.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.DisallowUnknownJsonMetaSchemaFactory;
import com.networknt.schema.DisallowUnknownKeywordFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.Keyword;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationContext;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates values against schemas of one OpenAPI 3.0 document with the OpenAPI 3.0 schema dialect
 * ({@code nullable}, {@code format} asserted, {@code $ref}s resolved within the document). The document
 * is served from memory, so a test can validate against an edited copy, and nothing is fetched.
 */
final class ExampleValidator {
    /** Where the document is served from; {@code .invalid} cannot resolve, so a stray fetch fails. */
    private static final String DOCUMENT = "https://spec.replicate4j.invalid/openapi.json";

    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .nullableKeywordEnabled(true)
            .formatAssertionsEnabled(true)
            .build();

    private static final Set<String> DOCUMENT_FIELDS = Set.of(
            "openapi", "info", "servers", "paths", "components", "security", "tags", "externalDocs");

    private final JsonSchemaFactory factory;

    private ExampleValidator(JsonSchemaFactory factory) {
        this.factory = factory;
    }

    static ExampleValidator forDocument(JsonNode document) {
        String json;
        try {
            json = new ObjectMapper().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the document as JSON", e);
        }
        JsonMetaSchema dialect = JsonMetaSchema.builder(OpenApi30.getInstance())
                .unknownKeywordFactory(ExampleValidator::strictKeyword)
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, builder -> builder
                .metaSchema(dialect)
                .defaultMetaSchemaIri(dialect.getIri())
                // Only the OpenAPI 3.0 dialect: a `$schema` naming another one fails instead of being fetched.
                .metaSchemaFactory(DisallowUnknownJsonMetaSchemaFactory.getInstance())
                .schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT, json))));
        return new ExampleValidator(factory);
    }

    /**
     * A misspelt schema keyword ({@code nulable}) fails instead of being ignored. Extensions
     * ({@code x-...}) are allowed, and so are the document's own fields: the validator reads the
     * document's root as a schema when it resolves a pointer into it.
     */
    private static Keyword strictKeyword(String name, ValidationContext context) {
        if (name.startsWith("x-") || DOCUMENT_FIELDS.contains(name)) {
            return new NonValidationKeyword(name);
        }
        return DisallowUnknownKeywordFactory.getInstance().getKeyword(name, context);
    }

    /** The validation errors of {@code value} against the schema at {@code schemaPointer}. */
    List<String> errors(JsonNode value, String schemaPointer) {
        JsonSchema schema = factory.getSchema(SchemaLocation.of(DOCUMENT + "#" + schemaPointer), CONFIG);
        List<String> errors = new ArrayList<>();
        for (ValidationMessage message : schema.validate(value)) {
            errors.add(message.getMessage());
        }
        return errors;
    }

    /** The errors of every example, each prefixed with the example's JSON pointer. */
    List<String> errors(List<SpecExamples.Example> examples) {
        List<String> errors = new ArrayList<>();
        for (SpecExamples.Example example : examples) {
            errors(example.value(), example.schemaPointer())
                    .forEach(error -> errors.add(example.pointer() + ": " + error));
        }
        return errors;
    }
}
