package dev.herd.portal.patch;

import dev.herd.contracts.delivery.PatchPlan;
import dev.herd.contracts.outbox.Outbox;
import dev.herd.portal.diagnosis.FindingState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Sends a plan to its machine's agent: a {@link PatchPlan} through the outbox; its findings become PATCH_PLANNED. */
@ApplicationScoped
public class PatchPlanPublisher {

    private final Outbox outbox;
    private final PlanFindings findings;

    public PatchPlanPublisher(Outbox outbox, PlanFindings findings) {
        this.outbox = outbox;
        this.findings = findings;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void send(MachinePatchPlan plan, Instant now) {
        plan.state = PatchPlanState.SENT;
        plan.sentAt = now;
        outbox.enqueue(PatchPlan.ADDRESS, plan.machineId.toString(), message(plan));
        findings.move(
                plan.tenantId,
                plan.findingIds,
                List.of(FindingState.OPEN, FindingState.MITIGATED),
                FindingState.PATCH_PLANNED,
                "patch plan " + plan.id + " sent to " + plan.machineName,
                now);
    }

    static PatchPlan message(MachinePatchPlan plan) {
        return new PatchPlan(
                plan.id,
                plan.tenantId,
                plan.machineId,
                plan.machineName,
                plan.packageManager,
                plan.steps,
                plan.preChecks,
                plan.postChecks,
                PlanCommands.install(plan),
                PlanCommands.rollback(plan),
                plan.advisories,
                plan.createdAt);
    }
}
