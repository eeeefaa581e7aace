package dev.herd.portal.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One event posted (or to be posted) to a webhook, with every attempt so far, oldest first. */
public record WebhookDeliveryView(
        UUID id,
        String webhookId,
        UUID eventId,
        String eventType,
        String tenant,
        String state,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant finishedAt,
        String payload,
        List<Attempt> attemptLog) {

    /** One POST: when, the HTTP status (null when none came back), why it failed (null when it did not), how long. */
    public record Attempt(int attempt, Instant at, Integer statusCode, String error, int durationMs) {}
}
