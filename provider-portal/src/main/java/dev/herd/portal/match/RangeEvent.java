package dev.herd.portal.match;

/** One OSV range event: its kind and version. */
public record RangeEvent(Kind kind, String version) {

    /** The four OSV event kinds. */
    public enum Kind {
        INTRODUCED,
        FIXED,
        LAST_AFFECTED,
        LIMIT
    }

    /** The event set in an OSV event object, or null when none of the four is set. */
    public static RangeEvent of(String introduced, String fixed, String lastAffected, String limit) {
        if (introduced != null) {
            return new RangeEvent(Kind.INTRODUCED, introduced);
        }
        if (fixed != null) {
            return new RangeEvent(Kind.FIXED, fixed);
        }
        if (lastAffected != null) {
            return new RangeEvent(Kind.LAST_AFFECTED, lastAffected);
        }
        return limit == null ? null : new RangeEvent(Kind.LIMIT, limit);
    }
}
