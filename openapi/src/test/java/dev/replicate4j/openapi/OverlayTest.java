package dev.replicate4j.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The overlay applier's semantics, on small documents. */
class OverlayTest {
    private static final String DOC = """
            a:
              keep: 1
              nested: {x: 1, list: [p]}
              gone: true
            items: [{name: one}, {name: two}]
            """;

    @Test
    void updateMergesObjectsRecursivelyConcatenatesArraysAndReplacesScalars() {
        JsonNode result = apply("""
                - target: $.a
                  description: merge
                  update: {keep: 2, nested: {y: 2, list: [q]}, added: z}
                """);

        assertThat(result.at("/a/keep").asInt()).isEqualTo(2);
        assertThat(result.at("/a/nested/x").asInt()).isEqualTo(1);
        assertThat(result.at("/a/nested/y").asInt()).isEqualTo(2);
        assertThat(result.at("/a/nested/list").toString()).isEqualTo("[\"p\",\"q\"]");
        assertThat(result.at("/a/added").asText()).isEqualTo("z");
    }

    @Test
    void updateOnAnArrayAppendsAndRemoveDeletesEveryMatch() {
        JsonNode result = apply("""
                - target: $.items
                  description: append
                  update: {name: three}
                - target: $.items[?(@.name == 'one')]
                  description: drop one
                  remove: true
                - target: $.a.gone
                  description: drop a key
                  remove: true
                """);

        assertThat(result.at("/items").findValuesAsText("name")).containsExactly("two", "three");
        assertThat(result.at("/a").has("gone")).isFalse();
    }

    @Test
    void copyMergesTheOneSourceNodeIntoTheTarget() {
        JsonNode result = apply("""
                - target: $
                  description: slot
                  update: {b: {}}
                - target: $.b
                  copy: $.a.nested
                  description: copy
                """);

        assertThat(result.at("/b")).isEqualTo(result.at("/a/nested"));
        assertThat(result.at("/b")).isNotSameAs(result.at("/a/nested"));
    }

    @Test
    void anActionThatSelectsNothingFailsWithItsDescriptionAndTarget() {
        assertThatThrownBy(() -> apply("""
                - target: $.a.missing
                  description: Fix the missing thing
                  remove: true
                """))
                .isInstanceOf(SpecBuildException.class)
                .hasMessageContaining("Overlay action #1 (Fix the missing thing) on $.a.missing selects nothing");
    }

    @Test
    void mergingAnObjectOverAScalarFailsInsteadOfGuessing() {
        assertThatThrownBy(() -> apply("""
                - target: $.a
                  description: clash
                  update: {keep: {x: 1}}
                """))
                .isInstanceOf(SpecBuildException.class)
                .hasMessageContaining("remove it first");
    }

    @Test
    void anActionNeedsADescriptionAndExactlyOneKind() {
        assertThatThrownBy(() -> apply("""
                - target: $.a
                  update: {keep: 3}
                """)).hasMessageContaining("a description saying why");
        assertThatThrownBy(() -> apply("""
                - target: $.a
                  description: both
                  update: {keep: 3}
                  remove: true
                """)).hasMessageContaining("exactly one of update, copy, remove");
    }

    @Test
    void anUpdateThatOnlyAnnotatesAPropertyTheSpecNoLongerHasFailsNamingIt() {
        String annotate = """
                - target: $.a.nested.properties
                  description: describe logs
                  update: {logs: {description: Log output, nullable: true}}
                """;
        JsonNode withLogs = apply("- target: $.a.nested\n  description: slot\n"
                + "  update: {properties: {logs: {type: string}}}\n" + annotate);
        assertThat(withLogs.at("/a/nested/properties/logs/type").asText()).isEqualTo("string");
        assertThat(apply("- target: $.a.nested\n  description: slot\n  update: {properties: {}}\n"
                + "- target: $.a.nested.properties\n  description: add\n  update: {seed: {type: integer}}\n")
                .at("/a/nested/properties/seed/type").asText())
                .as("a typed property is an addition").isEqualTo("integer");

        assertThatThrownBy(() -> apply("- target: $.a.nested\n  description: slot\n  update: {properties: {}}\n"
                + annotate))
                .isInstanceOf(SpecBuildException.class)
                .hasMessageContaining("(describe logs)")
                .hasMessageContaining("only annotates property 'logs' (description, nullable)")
                .hasMessageContaining("dropped or renamed");
    }

    @Test
    void aCopySourceThatBecameARefFailsNamingIt() {
        assertThatThrownBy(() -> apply("""
                - target: $.a
                  description: the page now refers to a named schema
                  update: {ref: {$ref: '#/b'}}
                - target: $.a.nested
                  copy: $.a.ref
                  description: copy the inline schema
                """))
                .isInstanceOf(SpecBuildException.class)
                .hasMessageContaining("(copy the inline schema)")
                .hasMessageContaining("copy source $.a.ref is now a $ref to #/b");
    }

    private static JsonNode apply(String actions) {
        ObjectNode doc = (ObjectNode) Yaml.read(DOC, "doc");
        Overlay.parse(Yaml.read("overlay: 1.1.0\ninfo: {title: t, version: '1'}\nactions:\n"
                + actions.indent(2), "overlay")).applyTo(doc);
        return doc;
    }
}
