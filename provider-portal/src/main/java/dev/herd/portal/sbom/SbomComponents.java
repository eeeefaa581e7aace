package dev.herd.portal.sbom;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The components of one SBOM being read: one per (ecosystem, package, version), at most a limit of them, and a count
 * of those skipped because they have no purl or one Herd cannot match.
 */
final class SbomComponents {

    private final int limit;
    private final Map<List<String>, SbomComponent> byKey = new LinkedHashMap<>();
    private int skipped;

    SbomComponents(int limit) {
        this.limit = limit;
    }

    /** The longest package name and version stored (columns of {@code sbom_component}, as those of a finding). */
    static final int MAX_TEXT = 200;

    static final int MAX_PURL = 2000;

    /** Takes a component by its purl (null: none); a purl longer than the columns hold is skipped. */
    void add(String purl) {
        PurlPackages.of(purl)
                .filter(c -> c.name().length() <= MAX_TEXT
                        && c.version().length() <= MAX_TEXT
                        && c.purl().length() <= MAX_PURL)
                .ifPresentOrElse(
                        c -> {
                            byKey.putIfAbsent(List.of(c.ecosystem(), c.name(), c.version()), c);
                            if (byKey.size() > limit) {
                                throw SbomProblems.tooManyComponents(limit);
                            }
                        },
                        () -> skipped++);
    }

    List<SbomComponent> list() {
        return List.copyOf(byKey.values());
    }

    int skipped() {
        return skipped;
    }
}
