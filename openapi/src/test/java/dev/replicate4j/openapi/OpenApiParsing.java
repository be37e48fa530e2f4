package dev.replicate4j.openapi;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/** Parses a spec the way OpenAPI Generator does: swagger-parser's OAS 3 parser, references resolved. */
final class OpenApiParsing {
    private OpenApiParsing() {
    }

    static SwaggerParseResult parse(String yaml) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(yaml, null, options);
    }
}
