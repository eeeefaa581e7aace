package dev.herd.gateway.delivery.rules;

import dev.herd.gateway.delivery.ChangeNotifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Map;

/** Long-polls waiting for a tenant's next rule bundle; woken once the transaction that stored it has committed. */
@ApplicationScoped
public class RuleBundleChanges extends ChangeNotifier<String> {

    /** Fired inside the transaction that stored newer bundles: each tenant's newest revision stored. */
    public record Stored(Map<String, Long> revisions) {

        public Stored {
            revisions = Map.copyOf(revisions);
        }
    }

    void onStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) Stored stored) {
        stored.revisions().keySet().forEach(this::changed);
    }
}
