package dev.replicate4j.openapi;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one repair applied to the relay's published YAML before it is read (see the README of the openapi module).
 *
 * <p>The page writes some {@code description:} values as plain scalars that contain {@code ": "}
 * ({@code Default: 768.}), which YAML reads as a nested mapping and rejects. Exactly those values are
 * single-quoted; every other line is left as it is.
 */
final class PublishedYamlRepair {
    /**
     * A {@code description:} key whose value is a plain scalar (not quoted, not a block scalar, not a
     * flow collection) containing {@code ": "}.
     */
    private static final Pattern PLAIN_DESCRIPTION_WITH_COLON =
            Pattern.compile("^(\\s*description: )([^'\"|>{\\[\\s].*: .*)$", Pattern.MULTILINE);

    private PublishedYamlRepair() {
    }

    static String quotePlainDescriptions(String yaml) {
        Matcher m = PLAIN_DESCRIPTION_WITH_COLON.matcher(yaml);
        StringBuilder out = new StringBuilder(yaml.length() + 64);
        while (m.find()) {
            String quoted = "'" + m.group(2).replace("'", "''") + "'";
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + quoted));
        }
        m.appendTail(out);
        return out.toString();
    }
}
