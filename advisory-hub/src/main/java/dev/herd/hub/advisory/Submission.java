package dev.herd.hub.advisory;

import java.time.Instant;

/** Who submitted a document, in which format, and whether that provider's word is enough for automatic action. */
public record Submission(
        String providerId,
        short trustTier,
        boolean verified,
        DocumentFormat format,
        String submittedBy,
        Instant receivedAt) {}
