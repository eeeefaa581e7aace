package dev.herd.hub.csaf;

import dev.herd.hub.advisory.RangeEvent;
import dev.herd.hub.advisory.VersionRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link VersRange} into what an OSV affected entry carries: one range of events and the versions named
 * exactly. {@code >=v} opens an interval ({@code introduced}), {@code <v} closes it ({@code fixed}), {@code <=v}
 * closes it at {@code last_affected}; a range that starts with a closing bound opens at {@code 0}; {@code =v} is an
 * exact version. {@code >v} and {@code !=v} have no OSV event; such a vers is not converted and says why.
 */
final class VersToOsv {

    /** The converted range (null when it names only exact versions) and the exact versions; or why it cannot be. */
    record Conversion(VersionRange range, List<String> versions, String unsupported) {

        static Conversion unsupported(String why) {
            return new Conversion(null, List.of(), why);
        }
    }

    private VersToOsv() {}

    static Conversion convert(VersRange vers) {
        String type = "semver".equals(vers.scheme()) ? "SEMVER" : "ECOSYSTEM";
        List<RangeEvent> events = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        boolean open = false;
        for (VersRange.Constraint constraint : vers.constraints()) {
            String version = constraint.version();
            switch (constraint.comparator()) {
                case ANY -> {
                    events.add(new RangeEvent("0", null, null, null));
                    open = true;
                }
                case EQUAL -> versions.add(version);
                case GREATER_OR_EQUAL -> {
                    if (open) {
                        return Conversion.unsupported("two lower bounds follow each other at '>=" + version + "'");
                    }
                    events.add(new RangeEvent(version, null, null, null));
                    open = true;
                }
                case LESS, LESS_OR_EQUAL -> {
                    if (!open && !events.isEmpty()) {
                        return Conversion.unsupported("two upper bounds follow each other at '"
                                + constraint.comparator().symbol + version + "'");
                    }
                    if (!open) {
                        events.add(new RangeEvent("0", null, null, null));
                    }
                    events.add(
                            constraint.comparator() == VersRange.Comparator.LESS
                                    ? new RangeEvent(null, version, null, null)
                                    : new RangeEvent(null, null, version, null));
                    open = false;
                }
                case GREATER, NOT_EQUAL ->
                // OSV ranges have no exclusive lower bound and no hole; approximating either would claim versions
                // affected that the vendor said are not.
                {
                    return Conversion.unsupported(
                            "'" + constraint.comparator().symbol + version + "' has no OSV range event");
                }
            }
        }
        return new Conversion(events.isEmpty() ? null : new VersionRange(type, events), versions, null);
    }
}
