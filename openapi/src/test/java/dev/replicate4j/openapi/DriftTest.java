package dev.replicate4j.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The drift lines for changes the relay's page does not have today: enums, types, required, operations. */
class DriftTest {
    private static final String BASE = """
            openapi: 3.0.1
            info: {title: t, version: '1'}
            paths:
              /p:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            mode: {type: string, enum: [fast, slow]}
                            size: {type: integer}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              state: {type: string, enum: [a, b]}
                              count: {type: integer}
              /q:
                get:
                  responses:
                    '200': {description: ok}
            """;

    @Test
    void namesAddedAndRemovedEnumValuesAndChangedTypes() {
        String changed = BASE.replace("enum: [fast, slow]", "enum: [fast, turbo]")
                .replace("enum: [a, b]", "enum: [a, b, c]")
                .replace("count: {type: integer}", "count: {type: string}");

        Drift drift = drift(BASE, changed);

        assertThat(drift.lines()).contains(
                "+ POST /p request property mode enum values [turbo]",
                "- POST /p request property mode enum values [slow]",
                "+ POST /p 200 response property state enum values [c]",
                "~ POST /p 200 response property count type changed: integer -> string");
        assertThat(drift.breaking()).contains(
                "- POST /p request property mode enum values [slow]",
                "~ POST /p 200 response property count type changed: integer -> string")
                .doesNotContain("+ POST /p 200 response property state enum values [c]");
    }

    @Test
    void aNewlyRequiredRequestPropertyBreaksAndOperationsAreNamed() {
        String mode = "properties:\n" + " ".repeat(16) + "mode:";
        String changed = BASE.replace(mode, "required: [size]\n" + " ".repeat(14) + mode)
                .replace("  /q:\n    get:", "  /r:\n    get:");
        assertThat(changed).contains("required: [size]", "/r:");

        Drift drift = drift(BASE, changed);

        assertThat(drift.breaking()).contains("~ POST /p request now requires [size]", "- operation GET /q");
        assertThat(drift.lines()).contains("+ operation GET /r");
    }

    @Test
    void aNewParameterStopsTheBuildSayingWhatToDo() {
        String changed = BASE.replace("    post:\n", "    post:\n      parameters:\n"
                + "        - {name: X-Trace, in: header, required: false, schema: {type: string}}\n");
        assertThat(changed).contains("X-Trace");

        Drift drift = drift(BASE, changed);

        assertThat(drift.breaking()).containsExactly("+ POST /p parameter header X-Trace " + Drift.NEW_PARAMETER);
        assertThat(Drift.NEW_PARAMETER).contains("gains an argument", "overlay remove action");
    }

    @Test
    void addedAndRemovedResponseHeadersAreNamed() {
        String withHeader = BASE.replace("      description: ok\n          content:",
                "      description: ok\n          headers:\n            X-Request-Id: {schema: {type: string}}\n"
                        + "          content:");
        assertThat(withHeader).contains("X-Request-Id");

        assertThat(drift(BASE, withHeader).lines()).containsExactly("+ POST /p 200 response header X-Request-Id");
        assertThat(drift(BASE, withHeader).breaking()).isEmpty();
        assertThat(drift(withHeader, BASE).breaking()).containsExactly("- POST /p 200 response header X-Request-Id");
    }

    @Test
    void anIncompatibilityNoLineNamesCarriesOpenapiDiffsReport() {
        // openapi-diff judges a new enum value in a response incompatible; the walk reports it as news.
        Drift drift = drift(BASE, BASE.replace("enum: [a, b]", "enum: [a, b, c]"));

        assertThat(drift.breaking()).singleElement().asString()
                .startsWith("~ openapi-diff judges the change incompatible")
                .contains("its report follows the drift lines");
        assertThat(drift.openapiDiff()).contains("Added enum value", "`c`", "state");
        assertThat(drift(BASE, BASE.replace("count: {type: integer}", "count: {type: string}")).openapiDiff())
                .as("a named break needs no second report").isEmpty();
    }

    @Test
    void noChangeIsNoDrift() {
        assertThat(drift(BASE, BASE).isEmpty()).isTrue();
    }

    private static Drift drift(String before, String after) {
        return Drift.between(before, Yaml.read(before, "before"), after, Yaml.read(after, "after"));
    }
}
