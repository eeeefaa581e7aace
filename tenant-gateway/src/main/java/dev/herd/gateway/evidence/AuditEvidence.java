package dev.herd.gateway.evidence;

import dev.herd.contracts.evidence.MachineEvidence;
import dev.herd.gateway.report.ReportSubmission;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The audit part of a report as evidence: its privileged sessions (sudo, su), sshd log-ins (with their source
 * address) and its network configuration files with
 * their permissions. What does not read (no tool or user, no path, a mode that is not octal) is left out.
 */
final class AuditEvidence {

    static final int MAX_SESSIONS = 200;
    static final int MAX_FILES = 200;
    static final int MAX_TEXT = 1024;
    /** An IPv6 address with a zone, or a host name sshd resolved: longer is not an address. */
    static final int MAX_FROM = 255;

    private static final Pattern MODE = Pattern.compile("0?[0-7]{3}");

    private AuditEvidence() {}

    static List<MachineEvidence.PrivilegedSession> sessions(ReportSubmission.Report report) {
        return orEmpty(report.privilegedLogins()).stream()
                .filter(Objects::nonNull)
                .filter(l -> "sudo".equals(l.tool()) || "su".equals(l.tool()) || "sshd".equals(l.tool()))
                .filter(l -> text(l.user()))
                .map(l -> new MachineEvidence.PrivilegedSession(
                        l.tool(),
                        l.user().strip(),
                        text(l.target()) ? l.target().strip() : null,
                        instant(l.at()),
                        l.line() == null
                                ? null
                                : l.line().substring(0, Math.min(l.line().length(), MAX_TEXT)),
                        "sshd".equals(l.tool()) && text(l.from()) && l.from().length() <= MAX_FROM
                                ? l.from().strip()
                                : null))
                .limit(MAX_SESSIONS)
                .toList();
    }

    static List<MachineEvidence.ConfigFile> configFiles(ReportSubmission.Report report) {
        return orEmpty(report.networkConfigChanges()).stream()
                .filter(Objects::nonNull)
                .filter(f -> text(f.path()) && f.path().startsWith("/"))
                .filter(f -> f.mode() != null && MODE.matcher(f.mode()).matches())
                .map(f -> new MachineEvidence.ConfigFile(
                        f.path(),
                        f.mode().length() == 3 ? "0" + f.mode() : f.mode(),
                        text(f.owner()) ? f.owner() : null,
                        text(f.group()) ? f.group() : null,
                        instant(f.modified()),
                        instant(f.changed())))
                .limit(MAX_FILES)
                .toList();
    }

    private static boolean text(String value) {
        return value != null && !value.isBlank() && value.length() <= MAX_TEXT;
    }

    /** An ISO-8601 instant as the agent wrote it; null when it could not be read. */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return Optional.ofNullable(list).orElse(List.of());
    }
}
