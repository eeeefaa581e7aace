package dev.herd.gateway.delivery.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.delivery.RuleBundle;
import dev.herd.contracts.inbox.BadMessageException;
import dev.herd.contracts.inbox.MessageHandler;
import dev.herd.contracts.inbox.RetryPolicy;
import dev.herd.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Reads {@link RuleBundle} messages (durable subscription {@code <herd.gateway.delivery.subscription>.rule-bundles}):
 * stored when newer than the tenant's bundle, otherwise ignored; a failing store is held and retried.
 */
@ApplicationScoped
public class RuleBundleConsumer implements MessageHandler {

    private static final Logger LOG = Logger.getLogger(RuleBundleConsumer.class);

    private final ObjectMapper json;
    private final RuleBundleRepository bundles;
    private final Event<RuleBundleChanges.Stored> stored;
    private final GatewayConfig config;

    public RuleBundleConsumer(
            ObjectMapper json,
            RuleBundleRepository bundles,
            Event<RuleBundleChanges.Stored> stored,
            GatewayConfig config) {
        this.json = json;
        this.bundles = bundles;
        this.stored = stored;
        this.config = config;
    }

    @Override
    public String address() {
        return RuleBundle.ADDRESS;
    }

    @Override
    public String subscription() {
        return config.delivery().subscription() + ".rule-bundles";
    }

    @Override
    public RetryPolicy retryPolicy() {
        return config.delivery().retryPolicy();
    }

    @Override
    public void handle(String text) {
        RuleBundle bundle;
        String body;
        try {
            bundle = json.readValue(text, RuleBundle.class);
            body = json.writeValueAsString(bundle);
        } catch (JsonProcessingException e) {
            throw new BadMessageException("not a RuleBundle: " + e.getOriginalMessage(), e);
        }
        if (bundle == null || bundle.tenantId() == null || bundle.tenantId().isBlank()) {
            throw new BadMessageException("a RuleBundle without tenantId");
        }
        if (bundle.tenantId().length() > 63 || bundle.revision() < 1) {
            throw new BadMessageException("a RuleBundle with a tenantId over 63 characters or a revision below 1");
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
