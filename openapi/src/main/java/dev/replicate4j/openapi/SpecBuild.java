package dev.replicate4j.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the corrected spec from the relay's published one, run by the openapi module's build:
 * the text repair, the drift report against the accepted baseline (failing on breaking drift unless
 * accepted), the overlay's corrections, and the check that every published model version is supported.
 *
 * <p>Arguments: published spec, accepted baseline, overlay, corrected spec to write, report directory,
 * {@code true} to accept the published spec as the new baseline.
 */
public final class SpecBuild {
    static final String ACCEPT = "mvn -pl openapi verify -Dreplicate4j.acceptDrift";

    private final Path published;
    private final Path baseline;
    private final Path overlay;

    SpecBuild(Path published, Path baseline, Path overlay) {
        this.published = published;
        this.baseline = baseline;
        this.overlay = overlay;
    }

    /**
     * Runs the build step; a failure is an exception whose message says what changed and what to do.
     *
     * @param args see the class comment
     */
    public static void main(String[] args) {
        if (args.length != 6) {
            throw new IllegalArgumentException(
                    "usage: SpecBuild <published> <baseline> <overlay> <corrected-out> <report-dir> <accept>");
        }
        SpecBuild build = new SpecBuild(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
        StringBuilder report = new StringBuilder();
        Result result;
        try {
            result = build.run(Boolean.parseBoolean(args[5]) || args[5].isEmpty(), report);
        } finally {
            // Also when the overlay or a check fails: the drift often says why.
            write(Path.of(args[4]).resolve("drift-report.md"), report.toString());
            System.out.println(report);
        }
        if (result.failure() != null) {
            throw result.failure();
        }
        Path out = Path.of(args[3]);
        write(out, Yaml.write(result.corrected()));
        write(out.resolveSibling("CORRECTIONS.md"), result.corrections());
    }

    /**
     * What one run produced.
     *
     * @param report the drift report (always)
     * @param corrected the corrected spec, or null when the run failed
     * @param corrections the overlay's actions as a Markdown table
     * @param failure why the build must stop, or null
     */
    record Result(String report, JsonNode corrected, String corrections, SpecBuildException failure) {
    }

    /** Reads the three inputs (and, when accepting, replaces the baseline) and builds the corrected spec. */
    Result run(boolean accept) {
        return run(accept, new StringBuilder());
    }

    /** As {@link #run(boolean)}, writing the drift report into {@code report} as it goes. */
    Result run(boolean accept, StringBuilder report) {
        String publishedText = read(published);
        String what = "The published spec (" + published.getFileName() + ")";
        String baselineText = Files.exists(baseline) ? read(baseline) : null;
        report.append("Drift of the published spec against the accepted baseline:\n");
        if (accept && !publishedText.equals(baselineText)) {
            // Accepted first, so that a page the old checks cannot read (no longer needing the repair,
            // say) can still become the baseline; its drift is reported once, here.
            if (baselineText != null) {
                try {
                    reportDrift(report, drift(baselineText, publishedText, what));
                } catch (SpecBuildException e) {
                    report.append("  (not compared: ").append(e.getMessage()).append(")\n");
                }
            }
            write(baseline, publishedText);
            baselineText = publishedText;
            report.append("Accepted: the baseline is now the published spec; commit it with the published file.\n");
        }
        JsonNode publishedTree = PublishedSpec.tree(publishedText, what);

        if (baselineText == null) {
            return new Result(report.append("  no accepted baseline yet\n").toString(), null, "",
                    new SpecBuildException("There is no accepted baseline at " + baseline
                            + ": review the published spec, then accept it with: " + ACCEPT));
        }
        Drift drift = drift(baselineText, publishedText, what);
        reportDrift(report, drift);
        if (!drift.breaking().isEmpty()) {
            return new Result(report.toString(), null, "", new SpecBuildException(
                    "The published spec removed, broke or added what the SDK must adapt to:\n  "
                    + String.join("\n  ", drift.breaking())
                    + "\nAdapt the overlay and the code that used it, then accept the new baseline with: "
                    + ACCEPT));
        }
        if (!drift.isEmpty()) {
            report.append("Nothing breaking. To stop reporting these, accept them with: ").append(ACCEPT).append('\n');
        }

        Overlay corrections = Overlay.parse(Yaml.read(read(overlay), "The overlay (" + overlay.getFileName() + ")"));
        ObjectNode corrected = publishedTree.deepCopy();
        corrections.applyTo(corrected);
        checkVersions(SupportedVersions.published(publishedTree), SupportedVersions.corrected(corrected));
        return new Result(report.toString(), corrected, table(corrections), null);
    }

    private static Drift drift(String baselineText, String publishedText, String what) {
        String base = PublishedSpec.repaired(baselineText, "The accepted baseline");
        String page = PublishedSpec.repaired(publishedText, what);
        return Drift.between(base, PublishedSpec.tree(baselineText, "The accepted baseline"),
                page, PublishedSpec.tree(publishedText, what));
    }

    private static void reportDrift(StringBuilder report, Drift drift) {
        if (drift.isEmpty()) {
            report.append("  none\n");
        }
        drift.lines().forEach(line -> report.append("  ").append(line).append('\n'));
        if (!drift.openapiDiff().isEmpty()) {
            report.append("openapi-diff's report:\n")
                    .append(drift.openapiDiff().indent(4).replaceAll("(?m)^ +$", "")).append('\n');
        }
    }

    private void checkVersions(Map<String, String> published, Map<String, String> corrected) {
        List<String> problems = new ArrayList<>();
        published.forEach((hash, name) -> {
            if (!name.equals(corrected.get(hash))) {
                problems.add("new version " + SupportedVersions.shortHash(hash) + " (" + name + ", " + hash
                        + ") is published but not in the overlay's x-supported-versions. Add `" + hash + ": " + name
                        + "` to x-supported-versions (and the list in the description next to it) in "
                        + overlay.getFileName() + ", and the version's schema as openapi/models/"
                        + name.replace('/', '.') + ".yaml (its Cog openapi_schema: Input, Output and info.x-model"
                        + " with owner, name, version, java-name, order, task, output, like the other files there)");
            }
        });
        corrected.forEach((hash, name) -> {
            if (!published.containsKey(hash)) {
                problems.add("version " + SupportedVersions.shortHash(hash) + " (" + name
                        + ") is no longer published: drop it from the overlay's x-supported-versions");
            }
        });
        if (!problems.isEmpty()) {
            throw new SpecBuildException(String.join("\n", problems));
        }
    }

    private static String table(Overlay overlay) {
        StringBuilder md = new StringBuilder("""
                # Corrections to the relay's published spec

                Generated from the overlay (chainhub-replicate-predictions.overlay.yaml) at build time: each
                action, in the order applied, with why. The published YAML first gets one text repair: plain
                `description:` values that contain `: ` are single-quoted, as it does not parse otherwise.

                | # | Action | Target | Why |
                |---|---|---|---|
                """);
        for (Overlay.Action a : overlay.actions()) {
            String kind = a.remove() ? "remove" : a.copy() != null ? "copy from `" + a.copy() + "`" : "update";
            md.append("| ").append(a.index()).append(" | ").append(kind.replace("|", "\\|")).append(" | `")
                    .append(a.target().replace("|", "\\|")).append("` | ")
                    .append(a.description().strip().replace("\n", " ").replace("|", "\\|")).append(" |\n");
        }
        return md.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
