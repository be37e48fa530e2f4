package dev.replicate4j.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedHeaders;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * What the published spec changed against the accepted baseline, one line per change, through
 * openapi-diff: {@code +} added, {@code -} removed, {@code ~} changed. Every removal is breaking, and so
 * are a new parameter (the generated method gains an argument, so the SDK's call no longer compiles) and
 * whatever openapi-diff judges incompatible.
 *
 * @param lines the report, in document order
 * @param breaking the lines that stop the build until the baseline is accepted
 * @param openapiDiff openapi-diff's own report, when it judges the change incompatible although no line
 *     above breaks (so the build's message can show what it saw); otherwise empty
 */
record Drift(List<String> lines, List<String> breaking, String openapiDiff) {
    /** What a new parameter asks of the maintainer. */
    static final String NEW_PARAMETER = "(the generated method gains an argument and the SDK's call to it no"
            + " longer compiles: pass it there, or drop it with an overlay remove action)";

    /** Compares two repaired published texts (and their trees, for the model versions). */
    static Drift between(String baseline, JsonNode baselineTree, String published, JsonNode publishedTree) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(baseline, published);
        Walk walk = new Walk();
        for (Endpoint e : diff.getNewEndpoints()) {
            walk.add("+ operation " + e.getMethod() + " " + e.getPathUrl());
        }
        for (Endpoint e : diff.getMissingEndpoints()) {
            walk.breaks("- operation " + e.getMethod() + " " + e.getPathUrl());
        }
        for (ChangedOperation op : diff.getChangedOperations()) {
            walk.operation(op);
        }
        walk.versions(SupportedVersions.published(baselineTree), SupportedVersions.published(publishedTree));
        String openapiDiff = "";
        if (diff.isChanged().isIncompatible() && walk.breaking.isEmpty()) {
            walk.breaks("~ openapi-diff judges the change incompatible, though no other line is a removal or a"
                    + " break: its report follows the drift lines (drift-report.md); if the change is harmless to"
                    + " the SDK, accept it");
            openapiDiff = markdown(diff);
        }
        return new Drift(List.copyOf(walk.lines), List.copyOf(walk.breaking), openapiDiff);
    }

    private static String markdown(ChangedOpenApi diff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            new MarkdownRender().render(diff, writer);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render openapi-diff's report", e);
        }
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    /** Collects the lines while walking openapi-diff's result. */
    private static final class Walk {
        final List<String> lines = new ArrayList<>();
        final List<String> breaking = new ArrayList<>();

        void add(String line) {
            lines.add(line);
        }

        void breaks(String line) {
            lines.add(line);
            breaking.add(line);
        }

        void operation(ChangedOperation op) {
            String name = op.getHttpMethod() + " " + op.getPathUrl();
            if (op.getParameters() != null) {
                for (Parameter p : op.getParameters().getIncreased()) {
                    breaks("+ " + name + " parameter " + p.getIn() + " " + p.getName() + " " + NEW_PARAMETER);
                }
                for (Parameter p : op.getParameters().getMissing()) {
                    breaks("- " + name + " parameter " + p.getIn() + " " + p.getName());
                }
                for (ChangedParameter p : op.getParameters().getChanged()) {
                    if (p.getSchema() != null) {
                        schema(p.getSchema(), name + " parameter " + p.getName(), "");
                    }
                    if (p.isChangeRequired()) {
                        changed("~ " + name + " parameter " + p.getName() + " required changed", op);
                    }
                }
            }
            if (op.getRequestBody() != null) {
                content(op.getRequestBody().getContent(), name + " request");
            }
            ChangedApiResponse responses = op.getApiResponses();
            if (responses != null) {
                responses.getIncreased().keySet().forEach(code -> add("+ " + name + " response " + code));
                responses.getMissing().keySet().forEach(code -> breaks("- " + name + " response " + code));
                for (Map.Entry<String, ChangedResponse> r : responses.getChanged().entrySet()) {
                    headers(r.getValue().getHeaders(), name + " " + r.getKey() + " response");
                    content(r.getValue().getContent(), name + " " + r.getKey() + " response");
                }
            }
        }

        void headers(ChangedHeaders headers, String where) {
            if (headers == null) {
                return;
            }
            headers.getIncreased().keySet().forEach(h -> add("+ " + where + " header " + h));
            headers.getMissing().keySet().forEach(h -> breaks("- " + where + " header " + h));
            headers.getChanged().keySet().forEach(h -> add("~ " + where + " header " + h + " changed"));
        }

        void content(ChangedContent content, String where) {
            if (content == null) {
                return;
            }
            content.getIncreased().keySet().forEach(type -> add("+ " + where + " media type " + type));
            content.getMissing().keySet().forEach(type -> breaks("- " + where + " media type " + type));
            for (ChangedMediaType media : content.getChanged().values()) {
                if (media.getSchema() != null) {
                    schema(media.getSchema(), where, "");
                }
            }
        }

        void schema(ChangedSchema s, String where, String prefix) {
            for (Map.Entry<String, Schema<?>> p : s.getIncreasedProperties().entrySet()) {
                add("+ " + where + " property " + prefix + p.getKey());
            }
            for (String p : s.getMissingProperties().keySet()) {
                breaks("- " + where + " property " + prefix + p);
            }
            String self = prefix.isEmpty() ? where : where + " property " + prefix.substring(0, prefix.length() - 1);
            if (s.isChangedType()) {
                breaks("~ " + self + " type changed: " + type(s.getOldSchema()) + " -> " + type(s.getNewSchema()));
            }
            if (s.getEnumeration() != null) {
                if (!s.getEnumeration().getIncreased().isEmpty()) {
                    add("+ " + self + " enum values " + s.getEnumeration().getIncreased());
                }
                if (!s.getEnumeration().getMissing().isEmpty()) {
                    breaks("- " + self + " enum values " + s.getEnumeration().getMissing());
                }
            }
            if (s.getRequired() != null) {
                // A request that must now carry more breaks callers; anything else here is news.
                if (!s.getRequired().getIncreased().isEmpty()) {
                    String line = "~ " + self + " now requires " + s.getRequired().getIncreased();
                    if (where.endsWith(" request")) {
                        breaks(line);
                    } else {
                        add(line);
                    }
                }
                if (!s.getRequired().getMissing().isEmpty()) {
                    add("~ " + self + " no longer requires " + s.getRequired().getMissing());
                }
            }
            for (Map.Entry<String, ChangedSchema> p : s.getChangedProperties().entrySet()) {
                schema(p.getValue(), where, prefix + p.getKey() + ".");
            }
            if (s.getItems() != null) {
                schema(s.getItems(), where, prefix + "[].");
            }
        }

        void versions(Map<String, String> baseline, Map<String, String> published) {
            published.forEach((hash, name) -> {
                if (!baseline.containsKey(hash)) {
                    add("+ new version " + SupportedVersions.shortHash(hash) + " (" + name + ")");
                } else if (!baseline.get(hash).equals(name)) {
                    breaks("~ version " + SupportedVersions.shortHash(hash) + " renamed: " + baseline.get(hash)
                            + " -> " + name);
                }
            });
            baseline.forEach((hash, name) -> {
                if (!published.containsKey(hash)) {
                    breaks("- version " + SupportedVersions.shortHash(hash) + " (" + name + ")");
                }
            });
        }

        private void changed(String line, ChangedOperation op) {
            if (op.isChanged().isIncompatible()) {
                breaks(line);
            } else {
                add(line);
            }
        }

        private static String type(Schema<?> schema) {
            return schema == null ? "none" : String.valueOf(schema.getType()).toLowerCase(Locale.ROOT);
        }
    }
}
