package dev.herd.contracts.isolation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Message on {@value #ADDRESS}: an order for the recovery broker (DESIGN §3.4). ISOLATE cuts damaged machines off at
 * an isolation point (an isolating device of the tenant's topology) in one of three modes; RECOVER runs a playbook on
 * them through their agents; UNISOLATE lifts the isolation once monitor data confirm recovery. Orders are
 * idempotent by {@code orderId}; {@code owners} are the mail addresses told of the outcome.
 */
public record IsolationOrder(
        UUID orderId,
        String tenantId,
        Kind kind,
        Mode mode,
        String isolationPoint,
        String segment,
        List<Target> machines,
        String signature,
        Integer rateLimitPerSecond,
        List<PlaybookStep> playbook,
        List<String> owners,
        String reason,
        Instant issuedAt) {

    public static final String ADDRESS = "herd.isolation-orders";

    /** What the order does. */
    public enum Kind {
        ISOLATE,
        RECOVER,
        UNISOLATE
    }

    /** COMPLETE: no traffic; DROP_SIGNATURE: only traffic carrying the signature; RATE_LIMIT: traffic slowed down. */
    public enum Mode {
        COMPLETE,
        DROP_SIGNATURE,
        RATE_LIMIT
    }

    /** A machine the order is about: the portal's machine id (its agent id), name and addresses. */
    public record Target(UUID machineId, String name, List<String> addresses) {
        public Target {
            addresses = addresses == null ? List.of() : List.copyOf(addresses);
        }
    }

    /**
     * One recovery step run through the agent: {@code RESTORE_SETTINGS}, {@code APPLY_PATCH}, {@code DELETE_FILES},
     * {@code RESTART_SERVICE} or {@code RESTORE_BACKUP}, and what it applies to.
     */
    public record PlaybookStep(String action, String target) {}

    public IsolationOrder {
        machines = machines == null ? List.of() : List.copyOf(machines);
        playbook = playbook == null ? List.of() : List.copyOf(playbook);
        owners = owners == null ? List.of() : List.copyOf(owners);
    }
}
