package dev.herd.portal.rules;

import java.time.Instant;
import java.util.UUID;

/** What one machine's agent last reported on a rule bundle: the revision and APPLIED, SIMULATED, ... */
public record BundleConfirmation(
        String tenantId,
        UUID agentId,
        String machine,
        long revision,
        String result,
        String message,
        Instant reportedAt) {}
