package dev.herd.portal.notification;

import java.time.Instant;

/**
 * Something that happened at a tenant that its people should see, with where to look. {@code key} names it for
 * ever (kind and source), so that whether a user has read it can be kept.
 */
public record Notification(
        String key,
        String tenantId,
        Urgency urgency,
        String title,
        String detail,
        Instant at,
        String link,
        boolean read) {

    /** The same notification, read or not by the user asking. */
    Notification withRead(boolean read) {
        return new Notification(key, tenantId, urgency, title, detail, at, link, read);
    }
}
