package dev.replicate4j.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code Prefer} and {@code Cancel-After} header schemas accept what Replicate documents, no more. */
class RequestHeaderPatternsTest {
    private static final String PREFER = "/components/parameters/Prefer/schema";
    private static final String CANCEL_AFTER = "/components/parameters/CancelAfter/schema";

    private final ExampleValidator validator = ExampleValidator.forDocument(Specs.corrected());

    @ParameterizedTest
    @ValueSource(strings = {"wait", "wait=1", "wait=9", "wait=10", "wait=59", "wait=60"})
    void preferAcceptsWaitAndOneToSixtySeconds(String value) {
        assertThat(validator.errors(TextNode.valueOf(value), PREFER)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "wait=", "wait=0", "wait=01", "wait=61", "wait=99", "wait=100", "Wait", "wait=5s"})
    void preferRejectsEverythingElse(String value) {
        assertThat(validator.errors(TextNode.valueOf(value), PREFER)).as("'%s'", value).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"5s", "30s", "5m", "1h", "1h30m45s", "2h5s", "90m"})
    void cancelAfterAcceptsDurations(String value) {
        assertThat(validator.errors(TextNode.valueOf(value), CANCEL_AFTER)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "s", "5 m", "5m30", "1m1h", "-5s", "5min"})
    void cancelAfterRejectsEverythingElse(String value) {
        assertThat(validator.errors(TextNode.valueOf(value), CANCEL_AFTER)).as("'%s'", value).isNotEmpty();
    }
}
