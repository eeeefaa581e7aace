package dev.herd.hub.advisory;

import java.util.List;

/**
 * What storing one statement did: created an advisory, updated what the same document said before, merged into an
 * advisory known from other documents, or changed nothing. {@code alsoMatched} lists other advisories that share an
 * alias with the statement but were left apart.
 */
public record MergeOutcome(Kind kind, String advisoryId, List<String> alsoMatched) {

    /** The four things storing a statement can do. */
    public enum Kind {
        CREATED,
        UPDATED,
        MERGED,
        UNCHANGED
    }
}
