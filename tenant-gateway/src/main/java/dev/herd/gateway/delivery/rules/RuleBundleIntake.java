package dev.herd.gateway.delivery.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.delivery.RuleBundle;
import dev.herd.gateway.delivery.BadMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Takes a {@link RuleBundle} message: stored when newer than the tenant's bundle, otherwise ignored. */
@ApplicationScoped
public class RuleBundleIntake {

    private static final Logger LOG = Logger.getLogger(RuleBundleIntake.class);

    private final ObjectMapper json;
    private final RuleBundleRepository bundles;
    private final Event<RuleBundleChanges.Stored> stored;

    public RuleBundleIntake(ObjectMapper json, RuleBundleRepository bundles, Event<RuleBundleChanges.Stored> stored) {
        this.json = json;
        this.bundles = bundles;
        this.stored = stored;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void take(String text) {
        RuleBundle bundle;
        String body;
        try {
            bundle = json.readValue(text, RuleBundle.class);
            body = json.writeValueAsString(bundle);
        } catch (JsonProcessingException e) {
            throw new BadMessage("not a RuleBundle: " + e.getOriginalMessage(), e);
        }
        if (bundle == null || bundle.tenantId() == null || bundle.tenantId().isBlank()) {
            throw new BadMessage("a RuleBundle without tenantId");
        }
        if (bundle.tenantId().length() > 63 || bundle.revision() < 1) {
            throw new BadMessage("a RuleBundle with a tenantId over 63 characters or a revision below 1");
        }
        if (bundles.storeIfNewer(bundle, body, Instant.now())) {
            LOG.infof("Rule bundle %d of tenant %s stored", bundle.revision(), bundle.tenantId());
            stored.fire(new RuleBundleChanges.Stored(bundle.tenantId(), bundle.revision()));
        } else {
            LOG.infof(
                    "Rule bundle %d of tenant %s ignored: the stored one is as new or newer",
                    bundle.revision(), bundle.tenantId());
        }
    }
}
