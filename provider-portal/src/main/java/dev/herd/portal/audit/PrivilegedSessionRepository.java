package dev.herd.portal.audit;

import dev.herd.contracts.evidence.MachineEvidence;
import dev.herd.portal.sql.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The privileged sessions and sshd log-ins of every machine, each once (by its fingerprint), newest first; always by
 * tenant.
 */
@ApplicationScoped
public class PrivilegedSessionRepository {

    private final EntityManager entityManager;

    public PrivilegedSessionRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Stores the sessions not stored yet; one without a logged time gets {@code seenAt}. */
    public void record(String tenant, UUID machine, List<MachineEvidence.PrivilegedSession> sessions, Instant seenAt) {
        for (MachineEvidence.PrivilegedSession s : sessions) {
            entityManager
                    .createNativeQuery(
                            "INSERT INTO privileged_session (tenant_id, machine_id, fingerprint, tool, "
                                    + "username, target, at, at_logged, line, seen_at, source) VALUES (:t, :m, :f, :tool, :u, "
                                    + ":target, :at, :logged, :line, :seen, :source) ON CONFLICT (machine_id, fingerprint) DO NOTHING")
                    .setParameter("t", tenant)
                    .setParameter("m", machine)
                    .setParameter("f", fingerprint(s))
                    .setParameter("tool", s.tool())
                    .setParameter("u", s.user())
                    .setParameter("target", s.target())
                    .setParameter("at", Timestamp.from(s.at() != null ? s.at() : seenAt))
                    .setParameter("logged", s.at() != null)
                    .setParameter("line", s.line())
                    .setParameter("seen", Timestamp.from(seenAt))
                    .setParameter("source", s.from())
                    .executeUpdate();
        }
    }

    /** A page of the tenant's sessions (of one machine by name when given), newest first. */
    @SuppressWarnings("unchecked")
    public List<SessionView> page(String tenant, AuditQuery query) {
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT s.machine_id, m.name, s.tool, s.username, s.target, s.at, s.at_logged, "
                        + "s.line, s.source FROM privileged_session s LEFT JOIN machine m ON m.id = s.machine_id "
                        + "WHERE s.tenant_id = :t AND (CAST(:machine AS text) IS NULL OR m.name = :machine) "
                        + "ORDER BY s.at DESC, s.id DESC LIMIT :size OFFSET :offset")
                .setParameter("t", tenant)
                .setParameter("machine", query.machine())
                .setParameter("size", query.size())
                .setParameter("offset", query.offset())
                .getResultList();
        return rows.stream()
                .map(r -> new SessionView(
                        (UUID) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        Timestamps.instant(r[5]),
                        (Boolean) r[6],
                        (String) r[7],
                        (String) r[8]))
                .toList();
    }

    public long count(String tenant, String machine) {
        return ((Number) entityManager
                        .createNativeQuery("SELECT count(*) FROM privileged_session s LEFT JOIN machine m "
                                + "ON m.id = s.machine_id WHERE s.tenant_id = :t "
                                + "AND (CAST(:machine AS text) IS NULL OR m.name = :machine)")
                        .setParameter("t", tenant)
                        .setParameter("machine", machine)
                        .getSingleResult())
                .longValue();
    }

    /** Drops sessions older than {@code before} and, per machine, all but the newest {@code perMachine}. */
    public int purge(Instant before, int perMachine) {
        int old = entityManager
                .createNativeQuery("DELETE FROM privileged_session WHERE at < :before")
                .setParameter("before", Timestamp.from(before))
                .executeUpdate();
        return old
                + entityManager
                        .createNativeQuery("DELETE FROM privileged_session WHERE id IN (SELECT id FROM (SELECT id, "
                                + "row_number() OVER (PARTITION BY machine_id ORDER BY at DESC, id DESC) AS n "
                                + "FROM privileged_session) AS ranked WHERE n > :keep)")
                        .setParameter("keep", perMachine)
                        .executeUpdate();
    }

    private static String fingerprint(MachineEvidence.PrivilegedSession s) {
        try {
            String text = String.join(
                    "\n",
                    s.tool(),
                    s.user(),
                    Objects.toString(s.target(), ""),
                    Objects.toString(s.at(), ""),
                    Objects.toString(s.line(), ""),
                    Objects.toString(s.from(), ""));
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
