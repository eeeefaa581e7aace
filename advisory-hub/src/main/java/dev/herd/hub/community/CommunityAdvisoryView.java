package dev.herd.hub.community;

import java.time.Instant;

/**
 * A community advisory as MSSP staff see it: its state ({@code ACTIVE}, {@code REVOKED}), how many distinct origins
 * (tenant pseudonyms) confirmed it and how many reports arrived, and the revocation if any.
 */
public record CommunityAdvisoryView(
        String id,
        String title,
        String state,
        boolean knownExploited,
        int emergencyLevel,
        int origins,
        int reports,
        Instant firstReportedAt,
        Instant lastReportedAt,
        Instant revokedAt,
        String revokedBy,
        String revokeReason) {}
