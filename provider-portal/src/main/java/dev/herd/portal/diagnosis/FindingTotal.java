package dev.herd.portal.diagnosis;

import java.util.Locale;

/** How many findings match a filter, and whether that number was counted or estimated. */
public record FindingTotal(long count, Kind kind) {

    /** EXACT: counted; ESTIMATED: the planner's row estimate (at least the exact-count limit). */
    public enum Kind {
        EXACT,
        ESTIMATED;

        /** As the {@code X-Total-Kind} header and the {@code total} parameter spell it. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static FindingTotal exact(long count) {
        return new FindingTotal(count, Kind.EXACT);
    }
}
