package dev.herd.gateway.delivery.plans;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.delivery.PatchPlan;
import dev.herd.contracts.inbox.BadMessageException;
import dev.herd.contracts.inbox.MessageHandler;
import dev.herd.contracts.inbox.RetryPolicy;
import dev.herd.gateway.GatewayConfig;
import dev.herd.gateway.agent.Agent;
import dev.herd.gateway.agent.AgentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Reads {@link PatchPlan} messages (durable subscription {@code <herd.gateway.delivery.subscription>.patch-plans}):
 * each is stored as pending for its agent; a plan id already stored is ignored; a plan for an agent this gateway does
 * not know, or naming another tenant or machine than the agent's, is stored as rejected. A failing store is held and
 * retried.
 */
@ApplicationScoped
public class PatchPlanConsumer implements MessageHandler {

    private static final Logger LOG = Logger.getLogger(PatchPlanConsumer.class);

    private final ObjectMapper json;
    private final PatchPlanRepository plans;
    private final AgentRepository agents;
    private final Event<PatchPlanChanges.Changed> changed;
    private final GatewayConfig config;

    public PatchPlanConsumer(
            ObjectMapper json,
            PatchPlanRepository plans,
            AgentRepository agents,
            Event<PatchPlanChanges.Changed> changed,
            GatewayConfig config) {
        this.json = json;
        this.plans = plans;
        this.agents = agents;
        this.changed = changed;
        this.config = config;
    }

    @Override
    public String address() {
        return PatchPlan.ADDRESS;
    }

    @Override
    public String subscription() {
        return config.delivery().subscription() + ".patch-plans";
    }

    @Override
    public RetryPolicy retryPolicy() {
        return config.delivery().retryPolicy();
    }

    @Override
    public void handle(String text) {
        PatchPlan plan;
        try {
            plan = json.readValue(text, PatchPlan.class);
        } catch (JsonProcessingException e) {
            throw new BadMessageException("not a PatchPlan: " + e.getOriginalMessage(), e);
        }
        if (plan == null || plan.planId() == null || plan.agentId() == null || blank(plan.tenantId())) {
            throw new BadMessageException("a PatchPlan needs planId, tenantId and agentId");
        }
        if (plan.tenantId().length() > 63
                || (plan.machineId() != null && plan.machineId().length() > 255)) {
            throw new BadMessageException("a PatchPlan with a tenantId over 63 or a machineId over 255 characters");
        }
        if (plans.findByIdOptional(plan.planId()).isPresent()) {
            LOG.infof("Patch plan %s ignored: already stored", plan.planId());
            return;
        }
        StoredPatchPlan stored = new StoredPatchPlan();
        stored.planId = plan.planId();
        stored.tenantId = plan.tenantId();
        stored.agentId = plan.agentId();
        stored.machineId = plan.machineId();
        stored.receivedAt = Instant.now();
        stored.body = json.valueToTree(plan);
        stored.rejection = rejection(plan, agents.findByIdOptional(plan.agentId()));
        stored.state = stored.rejection == null ? StoredPatchPlan.State.PENDING : StoredPatchPlan.State.REJECTED;
        plans.persist(stored);
        if (stored.rejection == null) {
            LOG.infof("Patch plan %s stored for agent %s", plan.planId(), plan.agentId());
            changed.fire(new PatchPlanChanges.Changed(plan.agentId()));
        } else {
            LOG.warnf(
                    "Patch plan %s of tenant %s for agent %s rejected: %s",
                    plan.planId(), plan.tenantId(), plan.agentId(), stored.rejection);
        }
    }

    private static String rejection(PatchPlan plan, Optional<Agent> agent) {
        if (agent.isEmpty()) {
            return "agent-unknown";
        }
        if (!agent.get().tenantId.equals(plan.tenantId())) {
            return "tenant-mismatch";
        }
        if (plan.machineId() != null
                && agent.get().machineId != null
                && !agent.get().machineId.equals(plan.machineId())) {
            return "machine-mismatch";
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
