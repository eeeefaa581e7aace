package dev.herd.portal.audit;

import dev.herd.contracts.evidence.MachineEvidence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores the audit part of a machine's evidence: its privileged sessions as history, and its network configuration
 * files checked against {@link ExpectedPermissions}, each observed change kept. Evidence without configuration files
 * (an older agent or gateway) leaves the stored files alone.
 */
@ApplicationScoped
public class AuditEvidenceService {

    private final PrivilegedSessionRepository sessions;
    private final ConfigFileRepository files;
    private final ExpectedConfigFileRepository expected;

    public AuditEvidenceService(
            PrivilegedSessionRepository sessions, ConfigFileRepository files, ExpectedConfigFileRepository expected) {
        this.sessions = sessions;
        this.files = files;
        this.expected = expected;
    }

    /** Applies one report's evidence, checked and not applied before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(MachineEvidence evidence) {
        String tenant = evidence.tenantId();
        UUID machine = evidence.agentId();
        Instant at = evidence.receivedAt();
        sessions.record(tenant, machine, evidence.privilegedSessions(), at);
        if (evidence.configFiles().isEmpty()) {
            return;
        }
        List<ExpectedPermissions.Expected> own = expected.of(tenant);
        Map<String, ConfigFileView> stored = files.ofMachine(tenant, machine);
        for (MachineEvidence.ConfigFile f : evidence.configFiles()) {
            ConfigFileView before = stored.remove(f.path());
            ConfigFileView observed = new ConfigFileView(
                    machine,
                    null,
                    f.path(),
                    f.mode(),
                    f.owner(),
                    f.group(),
                    f.modified(),
                    f.changed(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    at,
                    List.of());
            ConfigFileView now = checked(own, observed, before, at, at);
            changes(before, now)
                    .ifPresent(what -> files.change(tenant, machine, observed.path(), change(at, what, now)));
            files.put(tenant, now);
        }
        for (ConfigFileView gone : stored.values()) {
            files.remove(tenant, machine, gone.path());
            files.change(
                    tenant, machine, gone.path(), new ConfigFileView.Change(at, "removed", null, null, null, null));
        }
    }

    /**
     * Checks the tenant's stored files again against its expected permissions (after they changed): a file whose
     * difference is new is told about from {@code at}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recheck(String tenant, Instant at) {
        List<ExpectedPermissions.Expected> own = expected.of(tenant);
        for (ConfigFileView f : files.ofTenant(tenant)) {
            files.put(tenant, checked(own, f, f, at, f.seenAt()));
        }
    }

    /** The observed file with what is expected of it and how it differs; a difference already known keeps its time. */
    static ConfigFileView checked(
            List<ExpectedPermissions.Expected> own,
            ConfigFileView f,
            ConfigFileView before,
            Instant differsFrom,
            Instant seenAt) {
        Optional<ExpectedPermissions.Expected> e = ExpectedPermissions.of(own, f.path());
        Optional<ExpectedPermissions.Mismatch> mismatch =
                e.flatMap(x -> ExpectedPermissions.check(x, f.mode(), f.owner(), f.group()));
        String what = mismatch.map(ExpectedPermissions.Mismatch::what).orElse(null);
        Instant since = what == null
                ? null
                : before != null && what.equals(before.mismatch()) ? before.mismatchSince() : differsFrom;
        return new ConfigFileView(
                f.machineId(),
                f.machine(),
                f.path(),
                f.mode(),
                f.owner(),
                f.group(),
                f.modified(),
                f.changed(),
                e.map(ExpectedPermissions.Expected::mode).orElse(null),
                e.map(ExpectedPermissions.Expected::owner).orElse(null),
                e.map(ExpectedPermissions.Expected::group).orElse(null),
                what,
                mismatch.map(ExpectedPermissions.Mismatch::urgency).orElse(null),
                since,
                seenAt,
                List.of());
    }

    /** What changed since the file was last observed; empty when nothing did. */
    static Optional<String> changes(ConfigFileView before, ConfigFileView now) {
        if (before == null) {
            return Optional.of("first seen");
        }
        List<String> what = new ArrayList<>();
        differs(what, "mode", before.mode(), now.mode());
        differs(what, "owner", before.owner(), now.owner());
        differs(what, "group", before.group(), now.group());
        if (!Objects.equals(before.modified(), now.modified())) {
            what.add("content modified");
        }
        if (what.isEmpty() && !Objects.equals(before.changed(), now.changed())) {
            what.add("inode changed");
        }
        return what.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", what));
    }

    private static void differs(List<String> what, String name, String before, String now) {
        if (!Objects.equals(before, now)) {
            what.add(name + " " + before + " → " + now);
        }
    }

    private static ConfigFileView.Change change(Instant at, String what, ConfigFileView now) {
        return new ConfigFileView.Change(at, what, now.mode(), now.owner(), now.group(), now.modified());
    }
}
