package dev.herd.portal.warning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A warning to one tenant: the anomaly (indicator, attacked service, how many tenants reported it — never which),
 * the countermeasure, the tenant's exposed machines, and the follow-up.
 */
public record Warning(
        UUID id,
        String tenantId,
        String indicator,
        String service,
        int reportingTenants,
        String countermeasure,
        List<Integer> ruleNumbers,
        List<UUID> machines,
        WarningState state,
        Instant createdAt,
        Instant appliedAt,
        String appliedBy,
        String appliedNote,
        int remindedCount,
        Instant lastRemindedAt) {}
