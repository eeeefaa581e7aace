package dev.herd.contracts.evidence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Message on the multicast address {@value #ADDRESS}: the evidence of one machine's report (DESIGN §3.4) — the hashes
 * of its watched files, what its anti-virus products found, its privileged sessions and its network configuration
 * files — sent by the gateway when the report carries any. Grouped by the agent's id and carrying the report's {@code sequence}, so consumers apply them in order and drop
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
        List<ConfigFile> configFiles) {

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
     * A sudo or su use: the tool, who ran it, as whom, when (null when the log's time could not be read) and the log
     * line.
     */
    public record PrivilegedSession(String tool, String user, String target, Instant at, String line) {}

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
        this(tenantId, agentId, hostname, sequence, fileHashes, detections, products, receivedAt, null, null);
    }
}
