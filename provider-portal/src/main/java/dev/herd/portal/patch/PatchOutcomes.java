package dev.herd.portal.patch;

import dev.herd.contracts.delivery.ApplyOutcome;
import dev.herd.contracts.delivery.PatchPlan;
import dev.herd.contracts.inbox.BadMessageException;
import dev.herd.portal.diagnosis.FindingState;
import dev.herd.portal.rules.RuleService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What an agent reported on a patch plan. APPLIED: the plan's findings are PATCHED and the rules that only stood in
 * for the patch are withdrawn. ROLLED_BACK: its findings are open again (MITIGATED where a rule still protects them)
 * and the rules stay. FAILED: the same, and a rollback plan back to the installed versions is sent at once.
 * SIMULATED: recorded on the plan only. An outcome for a plan no longer SENT changes nothing but the record.
 */
@ApplicationScoped
public class PatchOutcomes {

    private static final Logger LOG = Logger.getLogger(PatchOutcomes.class);

    private final PatchPlanRepository plans;
    private final PlanFindings findings;
    private final PatchPlanPublisher publisher;
    private final RuleService rules;

    public PatchOutcomes(
            PatchPlanRepository plans, PlanFindings findings, PatchPlanPublisher publisher, RuleService rules) {
        this.plans = plans;
        this.findings = findings;
        this.publisher = publisher;
        this.rules = rules;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ApplyOutcome outcome) {
        MachinePatchPlan plan = planOf(outcome);
        plans.lock(plan.tenantId);
        Instant now = Instant.now();
        plan.lastResult = outcome.result().name();
        plan.outcomeMessage = outcome.message();
        if (outcome.result() == ApplyOutcome.Result.SIMULATED) {
            return;
        }
        if (plan.state != PatchPlanState.SENT) {
            LOG.infof("Patch plan %s is %s; outcome %s only recorded", plan.id, plan.state, outcome.result());
            return;
        }
        plan.finishedAt = now;
        switch (outcome.result()) {
            case APPLIED -> {
                plan.state = PatchPlanState.APPLIED;
                findings.move(
                        plan.tenantId,
                        plan.findingIds,
                        List.of(FindingState.PATCH_PLANNED, FindingState.OPEN, FindingState.MITIGATED),
                        FindingState.PATCHED,
                        "patch confirmed by agent (plan " + plan.id + ")",
                        now);
            }
            case ROLLED_BACK -> {
                plan.state = PatchPlanState.ROLLED_BACK;
                reopen(plan, "patch rolled back by agent (plan " + plan.id + ")", now);
            }
            case FAILED -> {
                plan.state = PatchPlanState.FAILED;
                reopen(plan, "patch failed (plan " + plan.id + ")", now);
                if (plan.rollbackOf == null) {
                    MachinePatchPlan rollback = rollbackOf(plan, now);
                    plans.persist(rollback);
                    publisher.send(rollback, now);
                }
            }
            default -> throw new IllegalStateException("unexpected result " + outcome.result());
        }
        rules.reconcile(plan.tenantId, false);
    }

    private MachinePatchPlan planOf(ApplyOutcome outcome) {
        UUID id;
        try {
            id = UUID.fromString(outcome.reference());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BadMessageException(
                    "patch-plan outcome with reference '" + outcome.reference() + "', which is not a plan id");
        }
        MachinePatchPlan plan = plans.findById(id);
        if (plan == null) {
            throw new BadMessageException("outcome for unknown patch plan " + id);
        }
        if (!plan.tenantId.equals(outcome.tenantId())) {
            throw new BadMessageException(
                    "outcome of tenant " + outcome.tenantId() + " names patch plan " + id + " of another tenant");
        }
        if (outcome.agentId() != null && !outcome.agentId().equals(plan.machineId)) {
            throw new BadMessageException(
                    "outcome of agent " + outcome.agentId() + " names patch plan " + id + " of another machine");
        }
        return plan;
    }

    /** The plan's findings that waited for the patch are open again; rules re-protect them (MITIGATED). */
    private void reopen(MachinePatchPlan plan, String reason, Instant now) {
        findings.move(
                plan.tenantId, plan.findingIds, List.of(FindingState.PATCH_PLANNED), FindingState.OPEN, reason, now);
    }

    /** A plan moving every package of {@code failed} back to its installed version, in reverse order. */
    static MachinePatchPlan rollbackOf(MachinePatchPlan failed, Instant now) {
        MachinePatchPlan rollback = new MachinePatchPlan();
        rollback.id = UUID.randomUUID();
        rollback.tenantId = failed.tenantId;
        rollback.machineId = failed.machineId;
        rollback.machineName = failed.machineName;
        rollback.state = PatchPlanState.APPROVED;
        rollback.packageManager = failed.packageManager;
        List<PatchPlan.Step> steps = new ArrayList<>();
        for (PatchPlan.Step step : failed.steps.reversed()) {
            steps.add(new PatchPlan.Step(
                    steps.size() + 1, step.packageName(), step.targetVersion(), step.installedVersion()));
        }
        rollback.steps = steps;
        rollback.preChecks = failed.preChecks;
        rollback.postChecks = failed.postChecks;
        rollback.advisories = failed.advisories;
        rollback.findingIds = List.of();
        rollback.notes = List.of("rollback of failed plan " + failed.id);
        rollback.rollbackOf = failed.id;
        rollback.createdAt = now;
        rollback.approvedAt = now;
        rollback.approvedBy = "rollback of failed plan " + failed.id;
        return rollback;
    }
}
