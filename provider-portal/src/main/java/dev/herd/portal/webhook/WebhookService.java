package dev.herd.portal.webhook;

import dev.herd.contracts.problem.HerdException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Registers, lists and deletes the webhooks of one owner (a tenant, or the MSSP when {@code tenant} is null) and shows
 * their deliveries; the caller's access to the owner is checked by the resource before.
 */
@ApplicationScoped
public class WebhookService {

    /** Most deliveries one listing shows. */
    static final int MAX_DELIVERIES = 200;

    /** Deliveries a listing shows when no limit is asked for. */
    static final int DEFAULT_DELIVERIES = 50;

    private final WebhookRepository webhooks;
    private final WebhookConfig config;

    public WebhookService(WebhookRepository webhooks, WebhookConfig config) {
        this.webhooks = webhooks;
        this.config = config;
    }

    /** Registers the webhook; the answer carries its signing key, shown this once. */
    @Transactional
    public WebhookView register(String tenant, NewWebhook request, String by) {
        if (request == null) {
            throw HerdException.badRequest("body-required", "A body {url, eventTypes} is required.");
        }
        String url = WebhookUrl.checked(request.url(), config.allowHttp());
        List<WebhookEventType> types = types(request.eventTypes());
        if (webhooks.count(tenant) >= config.maxEndpoints()) {
            throw HerdException.conflict(
                    "too-many-webhooks",
                    "At most " + config.maxEndpoints() + " webhooks may be registered; delete one first.");
        }
        String description =
                request.description() == null || request.description().isBlank()
                        ? null
                        : request.description().strip();
        String secret = WebhookSigner.newSecret();
        WebhookView webhook = new WebhookView(
                UUID.randomUUID(),
                tenant,
                url,
                types,
                description,
                by,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                null);
        webhooks.insert(webhook, secret);
        SecurityLog.event(
                "webhook.registered",
                webhook.id().toString(),
                tenant,
                "webhook " + webhook.id() + " to " + url + " for " + types.size() + " event type(s) by " + by);
        return webhook.withSecret(secret);
    }

    @Transactional
    public List<WebhookView> list(String tenant) {
        return webhooks.list(tenant, config.maxEndpoints());
    }

    @Transactional
    public WebhookView get(String tenant, UUID id) {
        return webhooks.find(tenant, id).orElseThrow(() -> notFound(id));
    }

    /** Deletes the webhook and its deliveries; another owner's webhook is not found. */
    @Transactional
    public void delete(String tenant, UUID id, String by) {
        if (!webhooks.delete(tenant, id)) {
            throw notFound(id);
        }
        SecurityLog.event("webhook.deleted", id.toString(), tenant, "webhook " + id + " deleted by " + by);
    }

    /** The webhook's newest deliveries with every attempt, at most {@code limit} (1 to 200, 50 when null). */
    @Transactional
    public List<WebhookDeliveryView> deliveries(String tenant, UUID id, String limitText) {
        int limit;
        try {
            limit = limitText == null ? DEFAULT_DELIVERIES : Integer.parseInt(limitText.strip());
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_DELIVERIES) {
            throw HerdException.badRequest("invalid-limit", "limit must be between 1 and " + MAX_DELIVERIES + ".");
        }
        get(tenant, id);
        return webhooks.deliveries(id, limit);
    }

    private static List<WebhookEventType> types(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw HerdException.badRequest("event-types-required", "eventTypes must name at least one event type.");
        }
        Set<WebhookEventType> types = new LinkedHashSet<>();
        for (String name : names) {
            types.add(WebhookEventType.parse(name));
        }
        return List.copyOf(types);
    }

    static HerdException notFound(Object id) {
        return HerdException.notFound("webhook-not-found", "No webhook " + id + ".");
    }
}
