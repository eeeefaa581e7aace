package dev.herd.hub.csaf;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A version range in the purl project's vers notation ({@code vers:npm/>=1.0.0|<1.2.3}), as CSAF recommends for
 * {@code product_version_range} branches: its scheme and its constraints in the order given (vers requires them
 * sorted by version, which the hub cannot check without the scheme's version order).
 */
record VersRange(String scheme, List<Constraint> constraints) {

    /** Longest vers string read; vendor documents name a few intervals, not thousands. */
    static final int MAX_LENGTH = 4096;

    private static final Pattern SCHEME = Pattern.compile("[a-z0-9][a-z0-9.+-]*");

    /** How a constraint compares a version. {@code *} stands alone and matches every version. */
    enum Comparator {
        ANY("*"),
        EQUAL("="),
        NOT_EQUAL("!="),
        LESS("<"),
        LESS_OR_EQUAL("<="),
        GREATER(">"),
        GREATER_OR_EQUAL(">=");

        final String symbol;

        Comparator(String symbol) {
            this.symbol = symbol;
        }
    }

    /** One constraint: a comparator and a version (none for {@code *}). */
    record Constraint(Comparator comparator, String version) {}

    /** Whether {@code text} claims to be a vers (it starts with {@code vers:}); free-text ranges do not. */
    static boolean isVers(String text) {
        return text.regionMatches(true, 0, "vers:", 0, 5);
    }

    /**
     * Reads a vers string.
     *
     * @throws IllegalArgumentException naming what is wrong, when it is not a well-formed vers
     */
    static VersRange parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a vers of at most " + MAX_LENGTH + " characters is read");
        }
        if (!isVers(text)) {
            throw new IllegalArgumentException("a vers starts with 'vers:'");
        }
        String rest = text.substring(5).replaceAll("\\s", "");
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("a vers is 'vers:<scheme>/<constraints>'");
        }
        String scheme = rest.substring(0, slash).toLowerCase(Locale.ROOT);
        if (!SCHEME.matcher(scheme).matches()) {
            throw new IllegalArgumentException("'" + scheme + "' is not a vers scheme");
        }
        String body = rest.substring(slash + 1);
        if (body.equals("*")) {
            return new VersRange(scheme, List.of(new Constraint(Comparator.ANY, null)));
        }
        if (body.isEmpty()) {
            throw new IllegalArgumentException("the vers has no constraints");
        }
        List<Constraint> constraints = new ArrayList<>();
        for (String part : body.split("\\|", -1)) {
            constraints.add(constraint(part));
        }
        return new VersRange(scheme, List.copyOf(constraints));
    }

    private static Constraint constraint(String part) {
        Comparator comparator = Comparator.EQUAL;
        String version = part;
        for (Comparator candidate : List.of(
                Comparator.GREATER_OR_EQUAL,
                Comparator.LESS_OR_EQUAL,
                Comparator.NOT_EQUAL,
                Comparator.LESS,
                Comparator.GREATER,
                Comparator.EQUAL)) {
            if (part.startsWith(candidate.symbol)) {
                comparator = candidate;
                version = part.substring(candidate.symbol.length());
                break;
            }
        }
        if (version.isEmpty()) {
            throw new IllegalArgumentException("the constraint '" + part + "' has no version");
        }
        if (version.equals("*") || version.chars().anyMatch(c -> "<>=!*|".indexOf(c) >= 0)) {
            throw new IllegalArgumentException("'" + part + "' is not a vers constraint");
        }
        try {
            return new Constraint(comparator, URLDecoder.decode(version.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the version of '" + part + "' is not percent-encoded correctly");
        }
    }
}
