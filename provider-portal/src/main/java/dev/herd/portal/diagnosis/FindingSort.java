package dev.herd.portal.diagnosis;

import java.util.Locale;

/**
 * The order of a findings list ({@code sort=}): ID, by id (when first found); EPSS, by the advisory's EPSS score,
 * highest first, findings without a score last, ties by id.
 */
public enum FindingSort {
    ID,
    EPSS;

    /** As the {@code sort} parameter spells it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
