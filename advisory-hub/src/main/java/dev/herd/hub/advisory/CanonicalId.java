package dev.herd.hub.advisory;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How Herd names an advisory and which keys it merges on. A statement about exactly one CVE is named by that CVE,
 * whatever the provider calls its document, so the same vulnerability gets the same id in any arrival order;
 * otherwise the document id names it.
 */
public final class CanonicalId {

    private static final Pattern CVE = Pattern.compile("^CVE-\\d{4}-\\d{4,}$");

    private CanonicalId() {}

    public static String of(AdvisoryStatement statement) {
        Set<String> cves = mergeKeys(statement).stream()
                .filter(key -> CVE.matcher(key).matches())
                .collect(Collectors.toSet());
        return cves.size() == 1 ? cves.iterator().next() : statement.documentId();
    }

    /** The document id and every alias, upper case: two statements sharing any of them are one advisory. */
    public static Set<String> mergeKeys(AdvisoryStatement statement) {
        return Stream.concat(Stream.of(statement.documentId()), statement.aliases().stream())
                .map(key -> key.strip().toUpperCase(Locale.ROOT))
                .filter(key -> !key.isEmpty())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
