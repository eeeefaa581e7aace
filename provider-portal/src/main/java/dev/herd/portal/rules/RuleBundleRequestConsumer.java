package dev.herd.portal.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.delivery.RuleBundleRequest;
import dev.herd.contracts.inbox.BadMessageException;
import dev.herd.contracts.inbox.MessageHandler;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Consumes gateways' {@link RuleBundleRequest}s (subscription {@code portal-rule-bundle-requests}): the tenant's
 * current revision goes out once more as a full bundle. A request for a tenant without bundles changes nothing.
 */
@ApplicationScoped
public class RuleBundleRequestConsumer implements MessageHandler {

    private static final Logger LOG = Logger.getLogger(RuleBundleRequestConsumer.class);

    private final RuleBundlePublisher publisher;
    private final ObjectMapper json;

    public RuleBundleRequestConsumer(RuleBundlePublisher publisher, ObjectMapper json) {
        this.publisher = publisher;
        this.json = json;
    }

    @Override
    public String address() {
        return RuleBundleRequest.ADDRESS;
    }

    @Override
    public String subscription() {
        return "portal-rule-bundle-requests";
    }

    @Override
    public void handle(String payload) {
        RuleBundleRequest request;
        try {
            request = json.readValue(payload, RuleBundleRequest.class);
        } catch (JsonProcessingException e) {
            throw new BadMessageException("unreadable rule bundle request: " + e.getOriginalMessage(), e);
        }
        if (request == null || request.tenantId() == null || request.tenantId().isBlank()) {
            throw new BadMessageException("rule bundle request without tenantId");
        }
        boolean sent = publisher.republish(request.tenantId());
        LOG.infof(
                "Full rule bundle of tenant %s %s (a gateway holding %s asked: %s)",
                request.tenantId(),
                sent ? "sent again" : "not sent, there is none",
                request.heldRevision(),
                request.reason());
    }
}
