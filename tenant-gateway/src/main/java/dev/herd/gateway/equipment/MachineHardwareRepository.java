package dev.herd.gateway.equipment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The hardware each machine reported last ({@code machine_hardware}), which its next report is compared with. */
@ApplicationScoped
public class MachineHardwareRepository {

    private static final TypeReference<List<HardwareItem>> ITEMS = new TypeReference<>() {};

    private final EntityManager entities;
    private final ObjectMapper json;

    public MachineHardwareRepository(EntityManager entities, ObjectMapper json) {
        this.entities = entities;
        this.json = json;
    }

    /** Stores the agent's current hardware and returns what it had before; empty for the agent's first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<List<HardwareItem>> replace(
            String tenantId, UUID agentId, long sequence, List<HardwareItem> current, Instant at) {
        @SuppressWarnings("unchecked")
        List<String> previous = entities.createNativeQuery(
                        "SELECT CAST(items AS text) FROM machine_hardware WHERE agent_id = ?1 AND tenant_id = ?2")
                .setParameter(1, agentId)
                .setParameter(2, tenantId)
                .getResultList();
        entities.createNativeQuery("""
                        INSERT INTO machine_hardware (agent_id, tenant_id, sequence, items, recorded_at)
                        VALUES (?1, ?2, ?3, CAST(?4 AS jsonb), ?5)
                        ON CONFLICT (agent_id) DO UPDATE SET sequence = EXCLUDED.sequence, items = EXCLUDED.items,
                            recorded_at = EXCLUDED.recorded_at""")
                .setParameter(1, agentId)
                .setParameter(2, tenantId)
                .setParameter(3, sequence)
                .setParameter(4, write(current))
                .setParameter(5, at)
                .executeUpdate();
        return previous.stream().findFirst().map(this::read);
    }

    /** The agent's hardware as last reported and when; empty when it never reported any. */
    public Optional<Recorded> current(String tenantId, UUID agentId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery(
                        "SELECT CAST(items AS text), recorded_at FROM machine_hardware "
                                + "WHERE agent_id = ?1 AND tenant_id = ?2")
                .setParameter(1, agentId)
                .setParameter(2, tenantId)
                .getResultList();
        return rows.stream().findFirst().map(r -> new Recorded(read((String) r[0]), instant(r[1])));
    }

    /** Hardware items as recorded at a time. */
    public record Recorded(List<HardwareItem> items, Instant at) {}

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case java.time.OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("unexpected recorded_at " + value);
        };
    }

    private String write(List<HardwareItem> items) {
        try {
            return json.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write hardware items", e);
        }
    }

    private List<HardwareItem> read(String text) {
        try {
            return json.readValue(text, ITEMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable machine_hardware row", e);
        }
    }
}
