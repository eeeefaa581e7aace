package dev.herd.portal.notification;

import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.tenancy.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The notifications a caller may see (MSSP staff: every tenant's; a tenant's people: their tenant's), by urgency,
 * with whether the caller has read each; marking them read.
 */
@ApplicationScoped
public class NotificationService {

    /** The most notifications one list holds. */
    public static final int MAX_SHOWN = 100;

    private final NotificationRepository repository;

    public NotificationService(NotificationRepository repository) {
        this.repository = repository;
    }

    /** The caller's notifications across its tenants, at most {@code max}, most urgent and newest first. */
    public List<Notification> forCaller(Caller caller, int max) {
        return withRead(caller, repository.feed(caller.tenantScope(), bounded(max)));
    }

    /** One tenant's notifications, for a caller that may see the tenant (checked by the caller of this method). */
    public List<Notification> forTenant(Caller caller, String tenant, int max) {
        caller.requireAccessTo(tenant);
        return withRead(caller, repository.feed(Optional.of(tenant), bounded(max)));
    }

    /** The notifications grouped by urgency, in urgency order; every urgency present, empty or not. */
    public static Map<Urgency, List<Notification>> byUrgency(List<Notification> notifications) {
        Map<Urgency, List<Notification>> grouped = new EnumMap<>(Urgency.class);
        for (Urgency urgency : Urgency.values()) {
            grouped.put(
                    urgency,
                    notifications.stream().filter(n -> n.urgency() == urgency).toList());
        }
        return grouped;
    }

    /** Marks the notification read for the caller; one the caller cannot see is not found (another tenant's). */
    public Notification markRead(Caller caller, String key) {
        Notification shown = forCaller(caller, MAX_SHOWN).stream()
                .filter(n -> n.key().equals(key))
                .findFirst()
                .orElseThrow(() ->
                        HerdException.notFound("notification-not-found", "No notification '" + key + "' among yours."));
        repository.markRead(caller.subject(), List.of(key), Instant.now());
        return shown.withRead(true);
    }

    /** Marks every notification the caller is shown read; how many were unread. */
    public int markAllRead(Caller caller) {
        List<String> unread = forCaller(caller, MAX_SHOWN).stream()
                .filter(n -> !n.read())
                .map(Notification::key)
                .toList();
        repository.markRead(caller.subject(), unread, Instant.now());
        return unread.size();
    }

    private List<Notification> withRead(Caller caller, List<Notification> notifications) {
        Set<String> read = repository.readBy(
                caller.subject(), notifications.stream().map(Notification::key).toList());
        return notifications.stream()
                .map(n -> n.withRead(read.contains(n.key())))
                .toList();
    }

    private static int bounded(int max) {
        return Math.max(1, Math.min(max, MAX_SHOWN));
    }
}
