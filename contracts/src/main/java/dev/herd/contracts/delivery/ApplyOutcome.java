package dev.herd.contracts.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Message on {@value #ADDRESS}: what an agent reported after applying a rule bundle or a patch plan. The gateway
 * forwards it; the portal moves findings and rules on from it (a confirmed patch withdraws the rules it made
 * unnecessary, a rolled-back one keeps them).
 */
public record ApplyOutcome(
        UUID outcomeId,
        String tenantId,
        UUID agentId,
        String machineId,
        Kind kind,
        String reference,
        Result result,
        List<CheckResult> checks,
        List<InstalledVersion> installed,
        String message,
        Instant reportedAt) {

    public static final String ADDRESS = "herd.apply-outcomes";

    /** What was applied: a rule bundle (reference = its revision) or a patch plan (reference = its plan id). */
    public enum Kind {
        RULE_BUNDLE,
        PATCH_PLAN
    }

    /**
     * APPLIED: in place and every check passed; SIMULATED: a dry run the tool accepted, nothing changed;
     * ROLLED_BACK: a check failed and the previous state is back; FAILED: refused or not applied.
     */
    public enum Result {
        APPLIED,
        SIMULATED,
        ROLLED_BACK,
        FAILED
    }

    /** One operation check and whether it passed. */
    public record CheckResult(String kind, String target, boolean passed, String detail) {}

    /** A package version found installed after the apply. */
    public record InstalledVersion(String packageName, String version) {}

    public ApplyOutcome {
        checks = checks == null ? List.of() : List.copyOf(checks);
        installed = installed == null ? List.of() : List.copyOf(installed);
    }
}
