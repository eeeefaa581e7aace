package dev.herd.portal.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A network configuration file of a machine as last observed, what was expected of it, how it differs (null when it
 * does not, or nothing is expected) and since when, and its newest changes.
 */
public record ConfigFileView(
        UUID machineId,
        String machine,
        String path,
        String mode,
        String owner,
        String group,
        Instant modified,
        Instant changed,
        String expectedMode,
        String expectedOwner,
        String expectedGroup,
        String mismatch,
        String urgency,
        Instant mismatchSince,
        Instant seenAt,
        List<Change> history) {

    /** One observed change: when the portal saw it and what changed, with the file's state then. */
    public record Change(Instant observedAt, String what, String mode, String owner, String group, Instant modified) {}

    ConfigFileView withHistory(List<Change> changes) {
        return new ConfigFileView(
                machineId,
                machine,
                path,
                mode,
                owner,
                group,
                modified,
                changed,
                expectedMode,
                expectedOwner,
                expectedGroup,
                mismatch,
                urgency,
                mismatchSince,
                seenAt,
                changes);
    }
}
