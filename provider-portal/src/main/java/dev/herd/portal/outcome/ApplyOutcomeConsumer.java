package dev.herd.portal.outcome;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.delivery.ApplyOutcome;
import dev.herd.contracts.inbox.BadMessageException;
import dev.herd.contracts.inbox.MessageHandler;
import dev.herd.portal.patch.PatchOutcomes;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Consumes what agents report after applying a rule bundle or a patch plan ({@link ApplyOutcome}, forwarded by the
 * gateway, which fills in tenant and agent). Unreadable outcomes and outcomes naming an unknown plan, revision or
 * another tenant's plan are dead-lettered and change nothing.
 */
@ApplicationScoped
public class ApplyOutcomeConsumer implements MessageHandler {

    private final PatchOutcomes patches;
    private final RuleConfirmations rules;
    private final ObjectMapper json;

    public ApplyOutcomeConsumer(PatchOutcomes patches, RuleConfirmations rules, ObjectMapper json) {
        this.patches = patches;
        this.rules = rules;
        this.json = json;
    }

    @Override
    public String address() {
        return ApplyOutcome.ADDRESS;
    }

    @Override
    public String subscription() {
        return "portal-apply-outcomes";
    }

    @Override
    public void handle(String payload) {
        ApplyOutcome outcome = read(payload);
        switch (outcome.kind()) {
            case PATCH_PLAN -> patches.apply(outcome);
            case RULE_BUNDLE -> rules.confirm(outcome);
        }
    }

    private ApplyOutcome read(String payload) {
        try {
            ApplyOutcome outcome = json.readValue(payload, ApplyOutcome.class);
            if (outcome == null
                    || outcome.tenantId() == null
                    || outcome.kind() == null
                    || outcome.result() == null
                    || outcome.reference() == null) {
                throw new BadMessageException("apply outcome without tenantId, kind, result or reference");
            }
            return outcome;
        } catch (JsonProcessingException e) {
            throw new BadMessageException("unreadable apply outcome: " + e.getOriginalMessage(), e);
        }
    }
}
