package dev.replicate4j.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.media.Schema;
import org.junit.jupiter.api.Test;

/** The prediction object and the create request as Replicate really has them (the overlay's corrections). */
class PredictionSchemaTest {
    private final ParsedSpec spec = ParsedSpec.corrected();
    private final Schema<?> prediction = spec.schema("Prediction");

    @Test
    void hasEveryFieldReplicateReturns() {
        assertThat(prediction.getProperties()).as("more may come: the relay adds, the overlay keeps").containsKeys("id", "model", "version", "input", "logs",
                "output", "data_removed", "error", "status", "source", "created_at", "started_at",
                "completed_at", "deadline", "metrics", "urls");
        assertThat(prediction.getRequired()).containsExactlyInAnyOrder("id", "status");
    }

    @Test
    void statusIsTheSixStatusesIncludingAborted() {
        Schema<?> status = spec.component(property(prediction, "status"));

        assertThat(status.getType()).isEqualTo("string");
        assertThat(status.getEnum()).map(String::valueOf).containsExactlyInAnyOrder(
                "starting", "processing", "succeeded", "failed", "canceled", "aborted");
    }

    @Test
    void errorIsANullableString() {
        Schema<?> error = property(prediction, "error");

        assertThat(error.getType()).isEqualTo("string");
        assertThat(error.getNullable()).isTrue();
    }

    @Test
    void inputIsAFreeFormObject() {
        assertFreeFormObject(property(prediction, "input"));
        assertFreeFormObject(property(spec.schema("PredictionRequest"), "input"));
    }

    @Test
    void outputIsAnyJsonValueOrNull() {
        Schema<?> output = property(prediction, "output");

        assertThat(output.getType()).as("no type: any JSON value").isNull();
        assertThat(output.getTypes()).isNullOrEmpty();
        assertThat(output.getProperties()).isNullOrEmpty();
        assertThat(output.getNullable()).isTrue();
    }

    @Test
    void timestampsAreDateTimesAndOnlyCreatedAtIsNeverNull() {
        for (String name : new String[] {"created_at", "started_at", "completed_at", "deadline"}) {
            assertThat(property(prediction, name).getFormat()).as(name).isEqualTo("date-time");
        }
        assertThat(property(prediction, "started_at").getNullable()).isTrue();
        assertThat(property(prediction, "completed_at").getNullable()).isTrue();
        assertThat(property(prediction, "deadline").getNullable()).isTrue();
    }

    @Test
    void urlsHaveGetCancelWebAndAnOptionalStream() {
        Schema<?> urls = spec.component(property(prediction, "urls"));

        assertThat(urls.getProperties()).containsOnlyKeys("get", "cancel", "stream", "web");
        assertThat(urls.getRequired()).as("none required: stream exists only for streaming models")
                .isNullOrEmpty();
    }

    @Test
    void metricsAndSourceAreNamedComponents() {
        Schema<?> metrics = spec.component(property(prediction, "metrics"));
        Schema<?> source = spec.component(property(prediction, "source"));

        assertThat(metrics.getProperties()).containsKeys("predict_time", "total_time");
        assertThat(metrics.getAdditionalProperties()).isEqualTo(Boolean.TRUE);
        assertThat(source.getEnum()).map(String::valueOf).containsExactlyInAnyOrder("web", "api");
    }

    @Test
    void theRequestHasVersionInputAndWebhooks() {
        Schema<?> request = spec.schema("PredictionRequest");

        assertThat(request.getProperties()).containsKeys("version", "input", "webhook", "webhook_events_filter");
        assertThat(request.getRequired()).containsExactlyInAnyOrder("version", "input");
        Schema<?> events = spec.component(property(request, "webhook_events_filter").getItems());
        assertThat(events.getEnum()).map(String::valueOf)
                .containsExactlyInAnyOrder("start", "output", "logs", "completed");
    }

    private static Schema<?> property(Schema<?> schema, String name) {
        var properties = schema.getProperties();
        assertThat(properties).as("properties").containsKey(name);
        return properties.get(name);
    }

    private static void assertFreeFormObject(Schema<?> schema) {
        assertThat(schema.getType()).isEqualTo("object");
        assertThat(schema.getAdditionalProperties()).isEqualTo(Boolean.TRUE);
        assertThat(schema.getProperties()).isNullOrEmpty();
    }
}
