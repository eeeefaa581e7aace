package dev.herd.portal.diagnosis;

/** What a full diagnosis of a tenant did. */
public record DiagnosisSummary(
        String tenantId,
        int machines,
        int advisories,
        int opened,
        int reopened,
        int closed,
        int changed,
        long millis) {}
