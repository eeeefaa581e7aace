package dev.herd.portal.equipment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.evidence.MachineEvidence;
import dev.herd.portal.sql.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The equipment gateways tell of their machines: hardware ({@code machine_equipment}), violations and admissions
 * (kept by the gateway's ids); every read and write by tenant.
 */
@ApplicationScoped
public class EquipmentEvidenceRepository {

    /** How many violations a machine's view lists, newest first. */
    static final int VIOLATIONS_SHOWN = 20;

    private static final TypeReference<List<MachineEquipment.Hardware>> HARDWARE = new TypeReference<>() {};

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public EquipmentEvidenceRepository(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /**
     * Takes the state unless the machine's stored one is newer; whether it was taken. The hardware is replaced (kept
     * when the state has none), violations and the admission are upserted by their gateway id.
     */
    public boolean apply(String tenant, UUID machine, MachineEvidence.Equipment state, Instant seenAt) {
        int taken = entityManager
                .createNativeQuery("INSERT INTO machine_equipment (machine_id, tenant_id, hardware, state_at, seen_at) "
                        + "VALUES (:m, :t, CAST(:h AS jsonb), :at, :seen) ON CONFLICT (machine_id) DO UPDATE SET "
                        + "hardware = coalesce(EXCLUDED.hardware, machine_equipment.hardware), "
                        + "state_at = EXCLUDED.state_at, seen_at = EXCLUDED.seen_at "
                        + "WHERE machine_equipment.tenant_id = EXCLUDED.tenant_id "
                        + "AND machine_equipment.state_at <= EXCLUDED.state_at")
                .setParameter("m", machine)
                .setParameter("t", tenant)
                .setParameter("h", state.hardware() == null ? null : write(state.hardware()))
                .setParameter("at", Timestamp.from(state.at()))
                .setParameter("seen", Timestamp.from(seenAt))
                .executeUpdate();
        if (taken == 0) {
            return false;
        }
        for (MachineEvidence.Violation v : state.violations()) {
            entityManager
                    .createNativeQuery(
                            "INSERT INTO equipment_violation (id, tenant_id, machine_id, kind, item, driver, "
                                    + "status, failure, detected_at, released_at, released_by) VALUES (:id, :t, :m, :kind, "
                                    + ":item, :driver, :status, :failure, :detected, :released, :by) ON CONFLICT (id) DO UPDATE "
                                    + "SET status = EXCLUDED.status, failure = EXCLUDED.failure, released_at = "
                                    + "EXCLUDED.released_at, released_by = EXCLUDED.released_by "
                                    + "WHERE equipment_violation.tenant_id = EXCLUDED.tenant_id")
                    .setParameter("id", v.id())
                    .setParameter("t", tenant)
                    .setParameter("m", machine)
                    .setParameter("kind", v.kind())
                    .setParameter("item", v.item())
                    .setParameter("driver", v.driver())
                    .setParameter("status", v.status())
                    .setParameter("failure", v.failure())
                    .setParameter("detected", Timestamp.from(v.detectedAt()))
                    .setParameter("released", timestamp(v.releasedAt()))
                    .setParameter("by", v.releasedBy())
                    .executeUpdate();
        }
        MachineEvidence.Admission a = state.admission();
        if (a != null) {
            entityManager
                    .createNativeQuery("INSERT INTO machine_admission (id, tenant_id, machine_id, status, segment, ip, "
                            + "requested_at, released_at, released_by, awaiting) VALUES (:id, :t, :m, :status, "
                            + ":segment, :ip, :requested, :released, :by, :awaiting) ON CONFLICT (id) DO UPDATE SET "
                            + "machine_id = EXCLUDED.machine_id, status = EXCLUDED.status, segment = EXCLUDED.segment, "
                            + "ip = EXCLUDED.ip, released_at = EXCLUDED.released_at, released_by = EXCLUDED.released_by, "
                            + "awaiting = EXCLUDED.awaiting WHERE machine_admission.tenant_id = EXCLUDED.tenant_id")
                    .setParameter("id", a.id())
                    .setParameter("t", tenant)
                    .setParameter("m", machine)
                    .setParameter("status", a.status())
                    .setParameter("segment", a.segment())
                    .setParameter("ip", a.ip())
                    .setParameter("requested", Timestamp.from(a.requestedAt()))
                    .setParameter("released", timestamp(a.releasedAt()))
                    .setParameter("by", a.releasedBy())
                    .setParameter("awaiting", a.awaiting())
                    .executeUpdate();
        }
        return true;
    }

    /** The machine's equipment; empty when its gateway told none. */
    @SuppressWarnings("unchecked")
    public Optional<MachineEquipment> of(String tenant, UUID machine, String name) {
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT CAST(hardware AS text), state_at FROM machine_equipment "
                        + "WHERE tenant_id = :t AND machine_id = :m")
                .setParameter("t", tenant)
                .setParameter("m", machine)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<MachineEquipment.Hardware> hardware =
                rows.getFirst()[0] == null ? null : read((String) rows.getFirst()[0]);
        List<Object[]> violated = entityManager
                .createNativeQuery("SELECT id, kind, item, driver, status, failure, detected_at, released_at, "
                        + "released_by FROM equipment_violation WHERE tenant_id = :t AND machine_id = :m "
                        + "ORDER BY detected_at DESC, id LIMIT " + VIOLATIONS_SHOWN)
                .setParameter("t", tenant)
                .setParameter("m", machine)
                .getResultList();
        List<MachineEquipment.Violation> violations = violated.stream()
                .map(r -> new MachineEquipment.Violation(
                        (UUID) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        Timestamps.instant(r[6]),
                        Timestamps.instant(r[7]),
                        (String) r[8]))
                .toList();
        List<Object[]> admitted = entityManager
                .createNativeQuery("SELECT id, status, segment, ip, requested_at, released_at, released_by, awaiting "
                        + "FROM machine_admission WHERE tenant_id = :t AND machine_id = :m "
                        + "ORDER BY (status = 'RELEASED'), requested_at DESC, id LIMIT 1")
                .setParameter("t", tenant)
                .setParameter("m", machine)
                .getResultList();
        MachineEquipment.Admission admission = admitted.stream()
                .findFirst()
                .map(r -> new MachineEquipment.Admission(
                        (UUID) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        Timestamps.instant(r[4]),
                        Timestamps.instant(r[5]),
                        (String) r[6],
                        (String) r[7]))
                .orElse(null);
        return Optional.of(new MachineEquipment(
                machine,
                name,
                MachineEquipment.verdict(hardware, violations),
                hardware,
                Timestamps.instant(rows.getFirst()[1]),
                violations,
                admission));
    }

    /**
     * The tenant's machines the gateway holds now, each with how: {@code admission QUARANTINED} / {@code admission
     * HELD}, or {@code equipment violation} (an admission first). Only held rows are read (partial indexes).
     */
    @SuppressWarnings("unchecked")
    public Map<UUID, String> held(String tenant) {
        Map<UUID, String> held = new LinkedHashMap<>();
        List<Object[]> admissions = entityManager
                .createNativeQuery("SELECT machine_id, status FROM machine_admission WHERE tenant_id = :t "
                        + "AND status <> 'RELEASED' ORDER BY requested_at DESC")
                .setParameter("t", tenant)
                .getResultList();
        admissions.forEach(r -> held.putIfAbsent((UUID) r[0], "admission " + r[1]));
        List<UUID> violations = entityManager
                .createNativeQuery("SELECT DISTINCT machine_id FROM equipment_violation WHERE tenant_id = :t "
                        + "AND status <> 'RELEASED'")
                .setParameter("t", tenant)
                .getResultList();
        violations.forEach(id -> held.putIfAbsent(id, "equipment violation"));
        return held;
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private String write(List<MachineEvidence.Hardware> hardware) {
        try {
            return json.writeValueAsString(hardware);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write hardware", e);
        }
    }

    private List<MachineEquipment.Hardware> read(String text) {
        try {
            return json.readValue(text, HARDWARE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable machine_equipment row", e);
        }
    }
}
