package dev.replicate4j.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The corrected spec as the generator's parser models it, with lookups that follow the local
 * {@code $ref}s the parser keeps (parameters, responses).
 */
final class ParsedSpec {
    static final String SCHEMAS = "#/components/schemas/";

    private final OpenAPI api;

    private ParsedSpec(OpenAPI api) {
        this.api = api;
    }

    static ParsedSpec corrected() {
        SwaggerParseResult result = OpenApiParsing.parse(Specs.correctedText());
        if (result.getOpenAPI() == null) {
            throw new IllegalStateException("The corrected spec does not parse: " + result.getMessages());
        }
        return new ParsedSpec(result.getOpenAPI());
    }

    OpenAPI api() {
        return api;
    }

    /** Every operation keyed {@code "POST /replicate/v1/predictions"}. */
    Map<String, Operation> operations() {
        Map<String, Operation> operations = new LinkedHashMap<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> operations.put(method + " " + path, operation)));
        return operations;
    }

    Operation operation(String key) {
        Operation operation = operations().get(key);
        if (operation == null) {
            throw new AssertionError("No operation " + key + " in " + operations().keySet());
        }
        return operation;
    }

    /** Every parameter declared anywhere: in components, on path items and on operations, resolved. */
    List<Parameter> allParameters() {
        List<Parameter> parameters = new ArrayList<>();
        if (api.getComponents().getParameters() != null) {
            parameters.addAll(api.getComponents().getParameters().values());
        }
        for (PathItem item : api.getPaths().values()) {
            addResolved(parameters, item.getParameters());
            item.readOperations().forEach(operation -> addResolved(parameters, operation.getParameters()));
        }
        return parameters;
    }

    /** An operation's parameters, resolved. */
    List<Parameter> parameters(Operation operation) {
        List<Parameter> parameters = new ArrayList<>();
        addResolved(parameters, operation.getParameters());
        return parameters;
    }

    ApiResponse resolve(ApiResponse response) {
        if (response.get$ref() == null) {
            return response;
        }
        ApiResponse target = api.getComponents().getResponses().get(simpleName(response.get$ref()));
        if (target == null) {
            throw new AssertionError("Dangling response reference " + response.get$ref());
        }
        return target;
    }

    /** The component schema a {@code $ref} names; fails when it is not a component schema reference. */
    Schema<?> component(Schema<?> reference) {
        String ref = reference.get$ref();
        if (ref == null || !ref.startsWith(SCHEMAS)) {
            throw new AssertionError("Expected a reference to a component schema, got " + reference);
        }
        Schema<?> target = api.getComponents().getSchemas().get(simpleName(ref));
        if (target == null) {
            throw new AssertionError("Dangling schema reference " + ref);
        }
        return target;
    }

    Schema<?> schema(String name) {
        Schema<?> schema = api.getComponents().getSchemas().get(name);
        if (schema == null) {
            throw new AssertionError("No component schema " + name);
        }
        return schema;
    }

    private void addResolved(List<Parameter> into, List<Parameter> parameters) {
        if (parameters == null) {
            return;
        }
        for (Parameter parameter : parameters) {
            if (parameter.get$ref() == null) {
                into.add(parameter);
                continue;
            }
            Parameter target = api.getComponents().getParameters().get(simpleName(parameter.get$ref()));
            if (target == null) {
                throw new AssertionError("Dangling parameter reference " + parameter.get$ref());
            }
            into.add(target);
        }
    }

    private static String simpleName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
