package dev.herd.gateway.delivery.plans;

import dev.herd.gateway.delivery.ChangeNotifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.UUID;

/** Long-polls waiting for a change of an agent's pending plans; woken once the changing transaction has committed. */
@ApplicationScoped
public class PatchPlanChanges extends ChangeNotifier<UUID> {

    /** Fired inside a transaction that added a pending plan for the agent or finished one. */
    public record Changed(UUID agentId) {}

    void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed changed) {
        changed(changed.agentId());
    }
}
