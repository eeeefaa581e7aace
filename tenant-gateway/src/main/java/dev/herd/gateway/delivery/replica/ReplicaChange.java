package dev.herd.gateway.delivery.replica;

import java.util.Optional;
import java.util.UUID;

/**
 * One change a gateway replica committed that long-polls elsewhere wait for, as it travels between replicas in a
 * PostgreSQL notification: {@code <replica>|<kind>|<key>} (a UUID, a kind name, a tenant id or UUID).
 */
public record ReplicaChange(UUID replica, Kind kind, String key) {

    /** What changed, and so which long-polls the key wakes. */
    public enum Kind {
        /** A tenant's rule bundle (key: the tenant id). */
        RULE_BUNDLE,
        /** An agent's pending patch plans (key: the agent id). */
        PATCH_PLANS,
        /** An agent's pending recovery tasks (key: the agent id). */
        RECOVERY_TASKS,
        /** A recovery task's result (key: the task id). */
        RECOVERY_RESULT
    }

    /** The notification payload. */
    public String payload() {
        return replica + "|" + kind.name() + "|" + key;
    }

    /** The change a payload names, or empty when it does not read (a payload from elsewhere is ignored). */
    public static Optional<ReplicaChange> parse(String payload) {
        if (payload == null) {
            return Optional.empty();
        }
        String[] parts = payload.split("\\|", 3);
        if (parts.length != 3 || parts[2].isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ReplicaChange(UUID.fromString(parts[0]), Kind.valueOf(parts[1]), parts[2]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
