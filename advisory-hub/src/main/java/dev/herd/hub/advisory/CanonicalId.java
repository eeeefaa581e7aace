package dev.herd.hub.advisory;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How Herd names an advisory and which keys it merges on. A statement about exactly one CVE is named by that CVE,
 * whatever the provider calls its document, so the same vulnerability gets the same id in any arrival order;
 * otherwise the document id names it. A community statement (one damage report) is named by the community advisory
 * id among its aliases, so every report of the same indicators lands in the same advisory.
 */
public final class CanonicalId {

    private static final Pattern CVE = Pattern.compile("^CVE-\\d{4}-\\d{4,}$");

    /** Prefix of the ids of community advisories (made from damage reports). */
    public static final String COMMUNITY_PREFIX = "HERD-COMMUNITY-";

    private CanonicalId() {}

    public static String of(AdvisoryStatement statement) {
        Set<String> keys = mergeKeys(statement);
        for (String key : keys) {
            if (key.startsWith(COMMUNITY_PREFIX)) {
                return key;
            }
        }
        Set<String> cves =
                keys.stream().filter(key -> CVE.matcher(key).matches()).collect(Collectors.toSet());
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
