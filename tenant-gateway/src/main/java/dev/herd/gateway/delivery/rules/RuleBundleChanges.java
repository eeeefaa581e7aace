package dev.herd.gateway.delivery.rules;

import dev.herd.gateway.delivery.ChangeNotifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** Long-polls waiting for a tenant's next rule bundle; woken once the transaction that stored it has committed. */
@ApplicationScoped
public class RuleBundleChanges extends ChangeNotifier<String> {

    /** Fired inside the transaction that stored a newer bundle for the tenant. */
    public record Stored(String tenantId, long revision) {}

    void onStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) Stored stored) {
        changed(stored.tenantId());
    }
}
