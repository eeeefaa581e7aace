package dev.herd.gateway.delivery.outcome;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.delivery.ApplyOutcome;
import dev.herd.contracts.outbox.Outbox;
import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.problem.ProblemDetail.FieldError;
import dev.herd.gateway.agent.Agent;
import dev.herd.gateway.agent.AgentRepository;
import dev.herd.gateway.delivery.plans.PatchPlanChanges;
import dev.herd.gateway.delivery.plans.PatchPlanRepository;
import dev.herd.gateway.delivery.plans.StoredPatchPlan;
import dev.herd.gateway.delivery.rules.RuleBundleRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes an agent's apply outcome: identity from the authenticated agent, the reference checked against what that agent
 * was given, the plan marked done, and the outcome forwarded through the outbox in the same transaction. An outcome id
 * seen before is acknowledged again and changes nothing.
 */
@ApplicationScoped
public class OutcomeService {

    /** What became of an outcome: {@code accepted} or {@code duplicate}. */
    public record Intake(UUID outcomeId, String status) {}

    private final AgentRepository agents;
    private final OutcomeRepository outcomes;
    private final PatchPlanRepository plans;
    private final RuleBundleRepository bundles;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Event<PatchPlanChanges.Changed> plansChanged;

    public OutcomeService(
            AgentRepository agents,
            OutcomeRepository outcomes,
            PatchPlanRepository plans,
            RuleBundleRepository bundles,
            Outbox outbox,
            ObjectMapper json,
            Event<PatchPlanChanges.Changed> plansChanged) {
        this.agents = agents;
        this.outcomes = outcomes;
        this.plans = plans;
        this.bundles = bundles;
        this.outbox = outbox;
        this.json = json;
        this.plansChanged = plansChanged;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Intake accept(Agent agent, ApplyOutcome sent) {
        // One outcome of an agent at a time: a resend racing its original finds it stored.
        agents.lockForUpdate(agent);
        StoredOutcome earlier = outcomes.findById(sent.outcomeId());
        if (earlier != null) {
            if (!earlier.agentId.equals(agent.id)) {
                throw HerdException.conflict("outcome-id-taken", "Outcome id " + sent.outcomeId() + " is taken.");
            }
            return new Intake(sent.outcomeId(), "duplicate");
        }
        Instant now = Instant.now();
        ApplyOutcome outcome = new ApplyOutcome(
                sent.outcomeId(),
                agent.tenantId,
                agent.id,
                agent.machineId,
                sent.kind(),
                sent.reference().trim(),
                sent.result(),
                sent.checks(),
                sent.installed(),
                sent.message(),
                sent.reportedAt() == null ? now : sent.reportedAt());
        switch (outcome.kind()) {
            case PATCH_PLAN -> finishPlan(agent, outcome, now);
            case RULE_BUNDLE -> checkBundle(agent, outcome.reference());
        }
        StoredOutcome stored = new StoredOutcome();
        stored.outcomeId = outcome.outcomeId();
        stored.tenantId = agent.tenantId;
        stored.agentId = agent.id;
        stored.kind = outcome.kind();
        stored.reference = outcome.reference();
        stored.result = outcome.result();
        stored.receivedAt = now;
        stored.body = json.valueToTree(outcome);
        outcomes.persist(stored);
        outbox.enqueue(ApplyOutcome.ADDRESS, agent.id.toString(), outcome);
        return new Intake(outcome.outcomeId(), "accepted");
    }

    private void finishPlan(Agent agent, ApplyOutcome outcome, Instant now) {
        StoredPatchPlan plan = planId(outcome.reference())
                .flatMap(id -> plans.findOfAgent(agent.tenantId, agent.id, id))
                .orElseThrow(() -> HerdException.notFound(
                        "plan-unknown", "No patch plan " + outcome.reference() + " for this agent."));
        if (plan.state != StoredPatchPlan.State.PENDING) {
            throw HerdException.conflict(
                    "plan-done", "Patch plan " + plan.planId + " is already " + plan.state + " by another outcome.");
        }
        if (outcome.result() == ApplyOutcome.Result.SIMULATED) {
            return; // a dry run changes nothing: the plan stays pending until it is really applied
        }
        plan.state = StoredPatchPlan.State.valueOf(outcome.result().name());
        plan.doneAt = now;
        plan.outcomeId = outcome.outcomeId();
        plansChanged.fire(new PatchPlanChanges.Changed(agent.id));
    }

    private void checkBundle(Agent agent, String reference) {
        long revision;
        try {
            revision = Long.parseLong(reference);
        } catch (NumberFormatException e) {
            throw new HerdException(
                    400,
                    "outcome-invalid",
                    "The apply outcome is not valid.",
                    List.of(new FieldError("reference", "Revision", "must be the rule bundle's revision")));
        }
        long current = bundles.revisionOf(agent.tenantId);
        if (revision < 1 || revision > current) {
            throw HerdException.notFound(
                    "rule-bundle-unknown", "Rule bundle revision " + reference + " was never delivered here.");
        }
    }

    private static Optional<UUID> planId(String reference) {
        try {
            return Optional.of(UUID.fromString(reference));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
