package dev.herd.portal.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A registered webhook: {@code tenant} null for the MSSP's own; {@code secret} (the {@code whsec_} signing key) only in
 * the answer that registered it, never again.
 */
public record WebhookView(
        UUID id,
        String tenant,
        String url,
        List<WebhookEventType> eventTypes,
        String description,
        String createdBy,
        Instant createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

    /** The same webhook with its signing key, for the one answer that shows it. */
    WebhookView withSecret(String key) {
        return new WebhookView(id, tenant, url, eventTypes, description, createdBy, createdAt, key);
    }
}
