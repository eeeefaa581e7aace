package dev.herd.portal.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.evidence.MachineEvidence;
import dev.herd.contracts.inbox.BadMessageException;
import dev.herd.contracts.inbox.MessageHandler;
import dev.herd.portal.machine.Machine;
import dev.herd.portal.machine.MachineRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the evidence gateways forward ({@link MachineEvidence}, subscription {@code portal-evidence}): checks it whole
 * (a malformed hash, a detection without product or name, a session without user or a configuration file without an
 * octal mode sets the message aside), hashes in lower case, then hands it to {@link EvidenceService}.
 */
@ApplicationScoped
public class EvidenceConsumer implements MessageHandler {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern MODE = Pattern.compile("[0-7]{4}");
    private static final int MAX_TEXT = 4096;

    private final MachineRepository machines;
    private final EvidenceService evidence;
    private final ObjectMapper json;

    public EvidenceConsumer(MachineRepository machines, EvidenceService evidence, ObjectMapper json) {
        this.machines = machines;
        this.evidence = evidence;
        this.json = json;
    }

    @Override
    public String address() {
        return MachineEvidence.ADDRESS;
    }

    @Override
    public String subscription() {
        return "portal-evidence";
    }

    @Override
    public void handle(String payload) {
        MachineEvidence report = read(payload);
        Machine machine = machines.findById(report.agentId());
        if (machine != null && !machine.tenantId.equals(report.tenantId())) {
            throw new BadMessageException("evidence of agent " + report.agentId() + " names tenant " + report.tenantId()
                    + " but the agent's machine belongs to another tenant");
        }
        evidence.apply(report);
    }

    private MachineEvidence read(String payload) {
        MachineEvidence report;
        try {
            report = json.readValue(payload, MachineEvidence.class);
        } catch (JsonProcessingException e) {
            throw new BadMessageException("unreadable machine evidence: " + e.getOriginalMessage(), e);
        }
        if (report == null
                || report.tenantId() == null
                || report.tenantId().isBlank()
                || report.agentId() == null
                || report.receivedAt() == null) {
            throw new BadMessageException("machine evidence without tenant, agent or receivedAt");
        }
        List<MachineEvidence.FileHash> files = new ArrayList<>();
        for (int i = 0; i < report.fileHashes().size(); i++) {
            MachineEvidence.FileHash file = report.fileHashes().get(i);
            String where = "file hash " + i;
            if (file == null || !text(file.path())) {
                throw new BadMessageException(where + " has no path");
            }
            files.add(new MachineEvidence.FileHash(file.path(), hash(file.sha256(), where, false)));
        }
        List<MachineEvidence.AntivirusDetection> detections = new ArrayList<>();
        for (int i = 0; i < report.detections().size(); i++) {
            MachineEvidence.AntivirusDetection d = report.detections().get(i);
            String where = "detection " + i;
            if (d == null || !text(d.product()) || !text(d.signature())) {
                throw new BadMessageException(where + " has no product or signature");
            }
            if (d.path() != null && d.path().length() > MAX_TEXT) {
                throw new BadMessageException(where + " has a path longer than " + MAX_TEXT + " characters");
            }
            detections.add(new MachineEvidence.AntivirusDetection(
                    d.product(), d.signature(), d.path(), hash(d.sha256(), where, true), d.detectedAt()));
        }
        checkAudit(report);
        checkEquipment(report.equipment());
        return new MachineEvidence(
                report.tenantId(),
                report.agentId(),
                report.hostname(),
                report.sequence(),
                files,
                detections,
                report.products(),
                report.receivedAt(),
                report.privilegedSessions(),
                report.configFiles(),
                report.equipment());
    }

    private static final Set<String> KINDS = Set.of("USB_MASS_STORAGE", "NETWORK_ADAPTER", "BLOCK_DEVICE");
    private static final Set<String> VIOLATION_STATES = Set.of("OPEN", "ISOLATION_FAILED", "RELEASED");
    private static final Set<String> ADMISSION_STATES = Set.of("QUARANTINED", "HELD", "RELEASED");
    private static final int MAX_ITEMS = 500;

    /**
     * Equipment needs its time; each hardware item a known kind and a name; each violation an id, kind, item, state and
     * time; an admission an id, state and time. Names are at most 255 characters, as the gateway stores them.
     */
    private static void checkEquipment(MachineEvidence.Equipment e) {
        if (e == null) {
            return;
        }
        if (e.at() == null) {
            throw new BadMessageException("equipment without its time (at)");
        }
        if ((e.hardware() != null && e.hardware().size() > MAX_ITEMS)
                || e.violations().size() > MAX_ITEMS) {
            throw new BadMessageException("equipment with more than " + MAX_ITEMS + " items");
        }
        List<MachineEvidence.Hardware> hardware = e.hardware() == null ? List.of() : e.hardware();
        for (int i = 0; i < hardware.size(); i++) {
            MachineEvidence.Hardware h = hardware.get(i);
            if (h == null || !KINDS.contains(h.kind()) || !name(h.name()) || !optionalName(h.driver())) {
                throw new BadMessageException("hardware " + i + " needs a kind of " + KINDS + " and a name");
            }
        }
        for (int i = 0; i < e.violations().size(); i++) {
            MachineEvidence.Violation v = e.violations().get(i);
            if (v == null
                    || v.id() == null
                    || !KINDS.contains(v.kind())
                    || !name(v.item())
                    || !optionalName(v.driver())
                    || !VIOLATION_STATES.contains(v.status())
                    || v.detectedAt() == null
                    || !optionalName(v.releasedBy())
                    || (v.failure() != null && v.failure().length() > MAX_TEXT)) {
                throw new BadMessageException("equipment violation " + i + " needs an id, a kind, an item, a state of "
                        + VIOLATION_STATES + " and its time");
            }
        }
        MachineEvidence.Admission a = e.admission();
        if (a != null
                && (a.id() == null
                        || !ADMISSION_STATES.contains(a.status())
                        || a.requestedAt() == null
                        || !optionalName(a.segment())
                        || (a.ip() != null && a.ip().length() > 45)
                        || !optionalName(a.releasedBy())
                        || (a.awaiting() != null && a.awaiting().length() > MAX_TEXT))) {
            throw new BadMessageException(
                    "admission needs an id, a state of " + ADMISSION_STATES + " and when it was asked for");
        }
    }

    private static boolean name(String value) {
        return value != null && !value.isBlank() && value.length() <= 255;
    }

    private static boolean optionalName(String value) {
        return value == null || value.length() <= 255;
    }

    /** Privileged sessions need a tool and a user; configuration files an absolute path and an octal mode. */
    private static void checkAudit(MachineEvidence report) {
        for (int i = 0; i < report.privilegedSessions().size(); i++) {
            MachineEvidence.PrivilegedSession s = report.privilegedSessions().get(i);
            if (s == null || !text(s.tool()) || !text(s.user())) {
                throw new BadMessageException("privileged session " + i + " has no tool or user");
            }
            if (s.from() != null && s.from().length() > 255) {
                throw new BadMessageException("privileged session " + i + " has a source address too long");
            }
            if ((s.target() != null && s.target().length() > MAX_TEXT)
                    || (s.line() != null && s.line().length() > MAX_TEXT)) {
                throw new BadMessageException("privileged session " + i + " has a text longer than " + MAX_TEXT);
            }
        }
        for (int i = 0; i < report.configFiles().size(); i++) {
            MachineEvidence.ConfigFile f = report.configFiles().get(i);
            if (f == null || !text(f.path()) || !f.path().startsWith("/")) {
                throw new BadMessageException("configuration file " + i + " has no absolute path");
            }
            if (f.mode() == null || !MODE.matcher(f.mode()).matches()) {
                throw new BadMessageException("configuration file " + i + ": mode must be four octal digits");
            }
            if ((f.owner() != null && f.owner().length() > MAX_TEXT)
                    || (f.group() != null && f.group().length() > MAX_TEXT)) {
                throw new BadMessageException("configuration file " + i + " has an owner or group too long");
            }
        }
    }

    private static boolean text(String value) {
        return value != null && !value.isBlank() && value.length() <= MAX_TEXT;
    }

    private static String hash(String value, String where, boolean optional) {
        if (value == null && optional) {
            return null;
        }
        String lower = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(lower).matches()) {
            throw new BadMessageException(where + ": sha256 must be 64 hex digits; got '" + value + "'");
        }
        return lower;
    }
}
