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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Reads {@link RuleBundle} messages, full or delta (durable subscription
 * {@code <herd.gateway.delivery.subscription>.rule-bundles}), checks them and hands them, a batch at a time, to
 * {@link RuleBundleIntake}; a failing store is held and retried.
 */
@ApplicationScoped
public class RuleBundleConsumer implements MessageHandler {

    private static final Logger LOG = Logger.getLogger(RuleBundleConsumer.class);

    private final ObjectMapper json;
    private final RuleBundleIntake intake;
    private final Event<RuleBundleChanges.Stored> stored;
    private final GatewayConfig config;

    public RuleBundleConsumer(
            ObjectMapper json, RuleBundleIntake intake, Event<RuleBundleChanges.Stored> stored, GatewayConfig config) {
        this.json = json;
        this.intake = intake;
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
    public int batchSize() {
        return config.delivery().ruleBundleBatch();
    }

    @Override
    public RetryPolicy retryPolicy() {
        return config.delivery().retryPolicy();
    }

    @Override
    public void handle(String text) {
        handleAll(List.of(text));
    }

    /** Checks every bundle of the batch, takes them together, and wakes each tenant's long-polls once. */
    @Override
    public void handleAll(List<String> texts) {
        List<RuleBundleIntake.Incoming> incoming =
                texts.stream().map(this::checked).toList();
        List<RuleBundleIntake.Taken> taken = intake.takeAll(incoming, Instant.now());
        Map<String, Long> stored = new TreeMap<>();
        for (int i = 0; i < incoming.size(); i++) {
            RuleBundle bundle = incoming.get(i).bundle();
            String form = bundle.isDelta() ? "delta " + bundle.baseRevision() + "->" : "full ";
            LOG.infof("Rule bundle %s%d of tenant %s: %s", form, bundle.revision(), bundle.tenantId(), taken.get(i));
            if (taken.get(i) == RuleBundleIntake.Taken.STORED) {
                stored.merge(bundle.tenantId(), bundle.revision(), Math::max);
            }
        }
        if (!stored.isEmpty()) {
            this.stored.fire(new RuleBundleChanges.Stored(stored));
        }
    }

    private RuleBundleIntake.Incoming checked(String text) {
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
        if (bundle.tenantId().chars().anyMatch(Character::isISOControl)) {
            throw new BadMessageException("a RuleBundle with a control character in its tenantId");
        }
        if (bundle.isDelta()
                && (bundle.baseRevision() < 1
                        || bundle.baseRevision() >= bundle.revision()
                        || bundle.nftables() == null)) {
            throw new BadMessageException(
                    "a RuleBundle delta needs a base revision from 1 to below its revision, and nftables commands");
        }
        return new RuleBundleIntake.Incoming(bundle, body);
    }
}
