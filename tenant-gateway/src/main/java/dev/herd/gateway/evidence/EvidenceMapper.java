package dev.herd.gateway.evidence;

import dev.herd.contracts.evidence.MachineEvidence;
import dev.herd.gateway.agent.Agent;
import dev.herd.gateway.report.AcceptedReport;
import dev.herd.gateway.report.ReportSubmission;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Cuts a report down to its evidence (DESIGN §3.4): the hashes of watched files read as {@code ok}, the anti-virus
 * products and detections, the privileged sessions, sshd log-ins and network configuration files ({@link AuditEvidence})
 * and the machine's equipment ({@link EquipmentState}: hardware, violations, admission). Nothing else of the report
 * leaves the site; a report without any is none.
 */
final class EvidenceMapper {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private EvidenceMapper() {}

    static Optional<MachineEvidence> of(AcceptedReport accepted, MachineEvidence.Equipment equipment) {
        ReportSubmission.Report report = accepted.report();
        List<MachineEvidence.FileHash> hashes = orEmpty(report.watchedFiles()).stream()
                .filter(Objects::nonNull)
                .filter(f -> f.path() != null && !f.path().isBlank())
                .filter(f -> f.status() == null || "ok".equalsIgnoreCase(f.status()))
                .map(f -> sha256(f.sha256()).map(hash -> new MachineEvidence.FileHash(f.path(), hash)))
                .flatMap(Optional::stream)
                .toList();
        ReportSubmission.Antivirus antivirus = report.antivirus();
        List<MachineEvidence.AntivirusProduct> products = antivirus == null
                ? List.of()
                : orEmpty(antivirus.products()).stream()
                        .filter(p -> p != null && p.name() != null && !p.name().isBlank())
                        .map(p -> new MachineEvidence.AntivirusProduct(p.name(), p.version(), p.patternVersion()))
                        .toList();
        List<MachineEvidence.AntivirusDetection> detections = antivirus == null
                ? List.of()
                : orEmpty(antivirus.detections()).stream()
                        .filter(d -> d != null
                                && d.signature() != null
                                && !d.signature().isBlank())
                        .map(d -> new MachineEvidence.AntivirusDetection(
                                d.product(),
                                d.signature(),
                                d.path(),
                                sha256(d.sha256()).orElse(null),
                                AuditEvidence.instant(d.detectedAt())))
                        .toList();
        List<MachineEvidence.PrivilegedSession> sessions = AuditEvidence.sessions(report);
        List<MachineEvidence.ConfigFile> configFiles = AuditEvidence.configFiles(report);
        if (hashes.isEmpty()
                && products.isEmpty()
                && detections.isEmpty()
                && sessions.isEmpty()
                && configFiles.isEmpty()
                && equipment == null) {
            return Optional.empty();
        }
        Agent agent = accepted.agent();
        ReportSubmission.Os os = report.os();
        String hostname =
                os == null || os.hostname() == null || os.hostname().isBlank() ? agent.hostname : os.hostname();
        return Optional.of(new MachineEvidence(
                agent.tenantId,
                agent.id,
                hostname,
                accepted.submission().sequence(),
                hashes,
                detections,
                products,
                accepted.receivedAt(),
                sessions,
                configFiles,
                equipment));
    }

    /** A well-formed SHA-256 in lower-case hex; anything else is left out rather than forwarded. */
    private static Optional<String> sha256(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String lower = text.trim().toLowerCase(Locale.ROOT);
        return SHA256.matcher(lower).matches() ? Optional.of(lower) : Optional.empty();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
