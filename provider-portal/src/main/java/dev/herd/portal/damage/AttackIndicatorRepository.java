package dev.herd.portal.damage;

import dev.herd.contracts.damage.DamageReport;
import dev.herd.portal.sql.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The MSSP's attack database; it only grows, from damage seen locally and from community advisories. */
@ApplicationScoped
public class AttackIndicatorRepository {

    private final EntityManager entityManager;

    public AttackIndicatorRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Learns an indicator; false when it was known already (then nothing changes). */
    public boolean learn(DamageReport.Type type, String value, String protocol, Integer port, Instant at, String from) {
        return entityManager
                        .createNativeQuery("INSERT INTO attack_indicator (type, value, protocol, port, learnt_at, "
                                + "learnt_from) VALUES (:type, :value, :protocol, :port, :at, :from) "
                                + "ON CONFLICT (type, value) DO NOTHING")
                        .setParameter("type", type.name())
                        .setParameter("value", value)
                        .setParameter("protocol", protocol)
                        .setParameter("port", port)
                        .setParameter("at", at)
                        .setParameter("from", from)
                        .executeUpdate()
                == 1;
    }

    /** The indicator of this type and value, when learnt. */
    public Optional<AttackIndicator> find(DamageReport.Type type, String value) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT type, value, protocol, port, learnt_at, learnt_from FROM attack_indicator "
                        + "WHERE type = :type AND value = :value")
                .setParameter("type", type.name())
                .setParameter("value", value)
                .getResultList();
        return rows.stream().findFirst().map(AttackIndicatorRepository::toIndicator);
    }

    /** Which of these values are known indicators of the type. */
    public Set<String> known(DamageReport.Type type, Collection<String> values) {
        if (values.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<String> rows = entityManager
                .createNativeQuery("SELECT value FROM attack_indicator WHERE type = :type AND value = ANY(:values)")
                .setParameter("type", type.name())
                .setParameter("values", values.toArray(String[]::new))
                .getResultList();
        return Set.copyOf(rows);
    }

    /** Everything learnt, oldest first; {@code type} null for every type. */
    public List<AttackIndicator> list(DamageReport.Type type) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT type, value, protocol, port, learnt_at, learnt_from FROM attack_indicator "
                        + "WHERE CAST(:type AS text) IS NULL OR type = CAST(:type AS text) ORDER BY learnt_at, id")
                .setParameter("type", type == null ? null : type.name())
                .getResultList();
        return rows.stream().map(AttackIndicatorRepository::toIndicator).toList();
    }

    private static AttackIndicator toIndicator(Object[] r) {
        return new AttackIndicator(
                DamageReport.Type.valueOf((String) r[0]),
                (String) r[1],
                (String) r[2],
                r[3] == null ? null : ((Number) r[3]).intValue(),
                Timestamps.instant(r[4]),
                (String) r[5]);
    }
}
