package dev.herd.portal.patch;

import dev.herd.contracts.delivery.PatchPlan;
import dev.herd.contracts.outbox.Outbox;
import dev.herd.portal.diagnosis.FindingState;
import dev.herd.portal.machine.Machine;
import dev.herd.portal.machine.MachineRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Sends a plan to its machine's agent: a {@link PatchPlan} through the outbox; its findings become PATCH_PLANNED. The
 * plan names the machine id the agent reported, which the gateway holds against the agent's own.
 */
@ApplicationScoped
public class PatchPlanPublisher {

    private final Outbox outbox;
    private final PlanFindings findings;
    private final MachineRepository machines;

    public PatchPlanPublisher(Outbox outbox, PlanFindings findings, MachineRepository machines) {
        this.outbox = outbox;
        this.findings = findings;
        this.machines = machines;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void send(MachinePatchPlan plan, Instant now) {
        plan.state = PatchPlanState.SENT;
        plan.sentAt = now;
        Machine machine = machines.findById(plan.machineId);
        outbox.enqueue(
                PatchPlan.ADDRESS,
                plan.machineId.toString(),
                message(plan, machine == null ? null : machine.machineId));
        findings.move(
                plan.tenantId,
                plan.findingIds,
                List.of(FindingState.OPEN, FindingState.MITIGATED),
                FindingState.PATCH_PLANNED,
                "patch plan " + plan.id + " sent to " + plan.machineName,
                now);
    }

    /** The plan as its agent gets it; {@code agentMachineId} null when the machine's agent has not reported one. */
    static PatchPlan message(MachinePatchPlan plan, String agentMachineId) {
        return new PatchPlan(
                plan.id,
                plan.tenantId,
                plan.machineId,
                agentMachineId,
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
