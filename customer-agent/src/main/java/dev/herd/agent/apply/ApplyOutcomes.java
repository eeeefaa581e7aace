package dev.herd.agent.apply;

import dev.herd.contracts.delivery.ApplyOutcome;
import dev.herd.contracts.delivery.ApplyOutcome.CheckResult;
import dev.herd.contracts.delivery.ApplyOutcome.InstalledVersion;
import dev.herd.contracts.delivery.ApplyOutcome.Kind;
import dev.herd.contracts.delivery.ApplyOutcome.Result;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Builds the outcomes the agent reports. The identity fields (tenant, agent, machine) stay empty: the gateway fills
 * them from the agent's credential. Each outcome gets its own id, so a resend after a lost answer can be recognised.
 */
public final class ApplyOutcomes {

    private ApplyOutcomes() {}

    public static ApplyOutcome of(
            Kind kind,
            String reference,
            Result result,
            List<CheckResult> checks,
            List<InstalledVersion> installed,
            String message,
            Clock clock) {
        return new ApplyOutcome(
                UUID.randomUUID(),
                null,
                null,
                null,
                kind,
                reference,
                result,
                checks,
                installed,
                message,
                clock.instant());
    }
}
