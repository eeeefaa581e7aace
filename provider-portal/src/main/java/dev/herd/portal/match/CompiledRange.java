package dev.herd.portal.match;

import dev.herd.portal.version.VersionOrder;
import java.util.Arrays;
import java.util.Comparator;

/**
 * An {@link AffectedRange} prepared for matching: its events sorted once by the ecosystem's version order, so that
 * deciding one version walks them in order (the OSV evaluation: the last event at or below the version decides).
 */
final class CompiledRange {

    private static final String ZERO = "0";

    private final AffectedRange range;
    private final VersionOrder order;
    private final RangeEvent[] events;
    private final boolean evaluable;

    CompiledRange(AffectedRange range, VersionOrder order) {
        this.range = range;
        this.order = order;
        // GIT ranges name commits, not versions; only the explicit versions list can match them.
        this.evaluable = !"GIT".equalsIgnoreCase(range.rangeType());
        this.events = range.events().stream()
                .sorted(Comparator.comparing(RangeEvent::version, this::compareEventVersions)
                        .thenComparing(RangeEvent::kind))
                .toArray(RangeEvent[]::new);
    }

    AffectedRange range() {
        return range;
    }

    /** The verdict for an installed version, or null when this range does not affect it. */
    Verdict verdict(InstalledPackage installed) {
        if (!range.architectures().isEmpty()
                && installed.architecture() != null
                && !range.architectures().contains(installed.architecture())) {
            return null;
        }
        String version = installed.version();
        boolean listed = range.versions().contains(version);
        if (!listed && !(evaluable && inRange(version))) {
            return null;
        }
        return new Verdict(range.advisoryId(), installed.name(), version, fixedAfter(version), range.sourceDocument());
    }

    private boolean inRange(String version) {
        boolean affected = false;
        for (RangeEvent event : events) {
            int eventVsVersion = isZero(event) ? -1 : order.compare(event.version(), version);
            if (eventVsVersion > 0) {
                break;
            }
            affected = switch (event.kind()) {
                case INTRODUCED -> true;
                case FIXED, LIMIT -> false;
                case LAST_AFFECTED -> eventVsVersion == 0 && affected;
            };
        }
        return affected;
    }

    /** The lowest fixed version above the installed one, or null when the range names none. */
    private String fixedAfter(String version) {
        for (RangeEvent event : events) {
            if (event.kind() == RangeEvent.Kind.FIXED && order.compare(event.version(), version) > 0) {
                return event.version();
            }
        }
        return null;
    }

    private int compareEventVersions(String a, String b) {
        boolean zeroA = ZERO.equals(a);
        boolean zeroB = ZERO.equals(b);
        if (zeroA || zeroB) {
            return Boolean.compare(!zeroA, !zeroB);
        }
        return order.compare(a, b);
    }

    private static boolean isZero(RangeEvent event) {
        return event.kind() == RangeEvent.Kind.INTRODUCED && ZERO.equals(event.version());
    }

    @Override
    public String toString() {
        return range.advisoryId() + " " + range.packageName() + " " + Arrays.toString(events);
    }
}
