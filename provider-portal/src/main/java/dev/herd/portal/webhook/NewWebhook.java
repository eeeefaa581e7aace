package dev.herd.portal.webhook;

import jakarta.validation.constraints.Size;
import java.util.List;

/** A webhook to register: where to post, which event types (names as in {@link WebhookEventType}), a note. */
public record NewWebhook(
        @Size(max = WebhookUrl.MAX_LENGTH) String url,
        @Size(max = 20) List<String> eventTypes,
        @Size(max = 500) String description) {}
