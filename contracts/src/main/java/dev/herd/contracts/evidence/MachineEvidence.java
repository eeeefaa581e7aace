package dev.herd.contracts.evidence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Message on the multicast address {@value #ADDRESS}: the evidence of one machine's report (DESIGN §3.4) — the hashes
 * of its watched files, what its anti-virus products found, its privileged sessions and its network configuration
 * files — sent by the gateway when the report carries any, and the machine's {@link Equipment} (hardware, equipment
 * violations, admission) as the gateway holds it, also sent on its own when an operator or the admission
 * follow-through changes it. Grouped by the agent's id and carrying the report's {@code sequence}, so consumers apply them in order and drop
 * what they already saw; the tenant is always the agent's own.
 */
public record MachineEvidence(
        String tenantId,
        UUID agentId,
        String hostname,
        long sequence,
        List<FileHash> fileHashes,
        List<AntivirusDetection> detections,
        List<AntivirusProduct> products,
        Instant receivedAt,
        List<PrivilegedSession> privilegedSessions,
        List<ConfigFile> configFiles,
        Equipment equipment) {

    public static final String ADDRESS = "herd.machine-evidence";

    /** A watched file and the SHA-256 of its content (lower-case hex). */
    public record FileHash(String path, String sha256) {}

    /**
     * A finding of an anti-virus product: the product, the name of what it found, the infected file and its SHA-256
     * (null when the file could not be read), and when it was found.
     */
    public record AntivirusDetection(
            String product, String signature, String path, String sha256, Instant detectedAt) {}

    /** An installed anti-virus product with its engine and pattern (signature database) versions. */
    public record AntivirusProduct(String name, String version, String patternVersion) {}

    /**
     * A sudo or su use, or an sshd log-in (tool {@code sshd}): the tool, who ran it, as whom, when (null when the log's
     * time could not be read), the log line and, for a log-in, the address it came from.
     */
    public record PrivilegedSession(String tool, String user, String target, Instant at, String line, String from) {

        /** A session without a source address (sudo, su; what gateways sent before log-ins). */
        public PrivilegedSession(String tool, String user, String target, Instant at, String line) {
            this(tool, user, target, at, line, null);
        }
    }

    /**
     * The machine's equipment as its gateway holds it at {@code at}, which replaces an older state: the hardware of its
     * last report (null when it never reported any), its newest equipment violations (the allowed-equipment verdict:
     * any OPEN or ISOLATION_FAILED one is a violation) and its newest admission (null when it had none).
     */
    public record Equipment(Instant at, List<Hardware> hardware, List<Violation> violations, Admission admission) {

        public Equipment {
            hardware = hardware == null ? null : List.copyOf(hardware);
            violations = violations == null ? List.of() : List.copyOf(violations);
        }
    }

    /** A piece of hardware: {@code USB_MASS_STORAGE}, {@code NETWORK_ADAPTER} or {@code BLOCK_DEVICE}, its name and driver. */
    public record Hardware(String kind, String name, String driver) {}

    /**
     * Hardware added that the tenant's allowed-equipment list does not allow, and what became of it: {@code OPEN} (the
     * machine is isolated), {@code ISOLATION_FAILED} (with why) or {@code RELEASED} (when, by whom).
     */
    public record Violation(
            UUID id,
            String kind,
            String item,
            String driver,
            String status,
            String failure,
            Instant detectedAt,
            Instant releasedAt,
            String releasedBy) {}

    /**
     * The machine's admission (DESIGN §3.5): {@code QUARANTINED} (isolated with its address), {@code HELD} (isolated,
     * no address yet) or {@code RELEASED}; its quarantine segment, when it was asked for and released, and what the
     * release still waits for.
     */
    public record Admission(
            UUID id,
            String status,
            String segment,
            String ip,
            Instant requestedAt,
            Instant releasedAt,
            String releasedBy,
            String awaiting) {}

    /**
     * A network configuration file as observed: its mode in octal ({@code 0644}), owner and group, when its content
     * was modified and when its inode last changed (null when not known).
     */
    public record ConfigFile(String path, String mode, String owner, String group, Instant modified, Instant changed) {}

    public MachineEvidence {
        fileHashes = fileHashes == null ? List.of() : List.copyOf(fileHashes);
        detections = detections == null ? List.of() : List.copyOf(detections);
        products = products == null ? List.of() : List.copyOf(products);
        privilegedSessions = privilegedSessions == null ? List.of() : List.copyOf(privilegedSessions);
        configFiles = configFiles == null ? List.of() : List.copyOf(configFiles);
    }

    /** Evidence without equipment, as gateways sent it before they forwarded it. */
    public MachineEvidence(
            String tenantId,
            UUID agentId,
            String hostname,
            long sequence,
            List<FileHash> fileHashes,
            List<AntivirusDetection> detections,
            List<AntivirusProduct> products,
            Instant receivedAt,
            List<PrivilegedSession> privilegedSessions,
            List<ConfigFile> configFiles) {
        this(
                tenantId,
                agentId,
                hostname,
                sequence,
                fileHashes,
                detections,
                products,
                receivedAt,
                privilegedSessions,
                configFiles,
                null);
    }

    /** Evidence without privileged sessions and configuration files, as gateways sent it before they had them. */
    public MachineEvidence(
            String tenantId,
            UUID agentId,
            String hostname,
            long sequence,
            List<FileHash> fileHashes,
            List<AntivirusDetection> detections,
            List<AntivirusProduct> products,
            Instant receivedAt) {
        this(tenantId, agentId, hostname, sequence, fileHashes, detections, products, receivedAt, null, null, null);
    }
}
