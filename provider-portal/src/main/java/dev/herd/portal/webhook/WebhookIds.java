package dev.herd.portal.webhook;

import java.util.UUID;

/** Reads a webhook id from a path: one that is not a UUID names no webhook (404, as an unknown one). */
final class WebhookIds {

    private WebhookIds() {}

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw WebhookService.notFound(id);
        }
    }
}
