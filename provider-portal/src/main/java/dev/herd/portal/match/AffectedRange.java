package dev.herd.portal.match;

import java.util.List;
import java.util.Set;

/**
 * What one advisory says about one package in one ecosystem, ready to match: the OSV range events, the explicit
 * versions, the architectures it is limited to (empty = all), and the provider document that said it.
 */
public record AffectedRange(
        String advisoryId,
        String ecosystem,
        String packageName,
        String rangeType,
        List<RangeEvent> events,
        Set<String> versions,
        Set<String> architectures,
        String sourceDocument) {

    public AffectedRange {
        events = events == null ? List.of() : List.copyOf(events);
        versions = versions == null ? Set.of() : Set.copyOf(versions);
        architectures = architectures == null ? Set.of() : Set.copyOf(architectures);
    }
}
