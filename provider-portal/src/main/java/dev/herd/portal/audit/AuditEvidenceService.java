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

    public AuditEvidenceService(PrivilegedSessionRepository sessions, ConfigFileRepository files) {
        this.sessions = sessions;
        this.files = files;
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
        Map<String, ConfigFileView> stored = files.ofMachine(tenant, machine);
        for (MachineEvidence.ConfigFile observed : evidence.configFiles()) {
            ConfigFileView before = stored.remove(observed.path());
            ConfigFileView now = checked(machine, observed, before, at);
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

    private static ConfigFileView checked(
            UUID machine, MachineEvidence.ConfigFile f, ConfigFileView before, Instant at) {
        Optional<ExpectedPermissions.Expected> expected = ExpectedPermissions.of(f.path());
        Optional<ExpectedPermissions.Mismatch> mismatch =
                expected.flatMap(e -> ExpectedPermissions.check(e, f.mode(), f.owner(), f.group()));
        String what = mismatch.map(ExpectedPermissions.Mismatch::what).orElse(null);
        Instant since =
                what == null ? null : before != null && what.equals(before.mismatch()) ? before.mismatchSince() : at;
        return new ConfigFileView(
                machine,
                null,
                f.path(),
                f.mode(),
                f.owner(),
                f.group(),
                f.modified(),
                f.changed(),
                expected.map(ExpectedPermissions.Expected::mode).orElse(null),
                expected.map(ExpectedPermissions.Expected::owner).orElse(null),
                expected.map(ExpectedPermissions.Expected::group).orElse(null),
                what,
                mismatch.map(ExpectedPermissions.Mismatch::urgency).orElse(null),
                since,
                at,
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
