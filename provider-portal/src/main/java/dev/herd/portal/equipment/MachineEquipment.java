package dev.herd.portal.equipment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A machine's equipment as its gateway last told the portal: the hardware of its last report (null when it reported
 * none), the allowed-equipment verdict, its newest violations and its newest admission (null for none).
 */
public record MachineEquipment(
        UUID machineId,
        String machine,
        String verdict,
        List<Hardware> hardware,
        Instant stateAt,
        List<Violation> violations,
        Admission admission) {

    /** Every hardware item is allowed: no violation is held. */
    public static final String ALLOWED = "allowed";

    /** Hardware the allowed-equipment list does not allow was added and the violation is not released. */
    public static final String VIOLATION = "violation";

    /** The gateway has told nothing of the machine's hardware yet. */
    public static final String UNKNOWN = "unknown";

    /** A piece of hardware: its kind, device name and (for adapters) driver. */
    public record Hardware(String kind, String name, String driver) {}

    /** An equipment violation and what became of it. */
    public record Violation(
            UUID id,
            String kind,
            String item,
            String driver,
            String status,
            String failure,
            Instant detectedAt,
            Instant releasedAt,
            String releasedBy) {

        /** Whether it still holds the machine (isolated, or isolation failed): not released. */
        public boolean held() {
            return !"RELEASED".equals(status);
        }
    }

    /** The machine's admission: QUARANTINED, HELD or RELEASED, where, and what its release waits for. */
    public record Admission(
            UUID id,
            String status,
            String segment,
            String ip,
            Instant requestedAt,
            Instant releasedAt,
            String releasedBy,
            String awaiting) {

        /** Whether the gateway still holds the machine in quarantine. */
        public boolean held() {
            return !"RELEASED".equals(status);
        }
    }

    /** The verdict of these violations: a held one is a violation; none held is allowed once hardware is known. */
    static String verdict(List<Hardware> hardware, List<Violation> violations) {
        if (violations.stream().anyMatch(Violation::held)) {
            return VIOLATION;
        }
        return hardware == null && violations.isEmpty() ? UNKNOWN : ALLOWED;
    }
}
