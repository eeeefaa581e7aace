package dev.herd.portal.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.delivery.RuleBundle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The rule bundles published per tenant, and which revision each machine's agent last reported on. */
@ApplicationScoped
public class RuleBundleRepository {

    private static final TypeReference<List<RuleBundle.Rule>> RULES = new TypeReference<>() {};

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public RuleBundleRepository(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    void save(RuleBundle bundle) {
        try {
            entityManager
                    .createNativeQuery("INSERT INTO rule_bundle (tenant_id, revision, generated_at, rules, nftables, "
                            + "suricata) VALUES (:t, :r, :g, CAST(:rules AS jsonb), :n, :s)")
                    .setParameter("t", bundle.tenantId())
                    .setParameter("r", bundle.revision())
                    .setParameter("g", Timestamp.from(bundle.generatedAt()))
                    .setParameter("rules", json.writeValueAsString(bundle.rules()))
                    .setParameter("n", bundle.nftables())
                    .setParameter("s", bundle.suricata())
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rules of bundle cannot be written as JSON", e);
        }
    }

    /** The newest bundle of the tenant. */
    public Optional<RuleBundle> latest(String tenantId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT revision, generated_at, CAST(rules AS text), nftables, suricata "
                        + "FROM rule_bundle WHERE tenant_id = :t ORDER BY revision DESC LIMIT 1")
                .setParameter("t", tenantId)
                .getResultList();
        return rows.stream().findFirst().map(r -> {
            try {
                return new RuleBundle(
                        tenantId,
                        ((Number) r[0]).longValue(),
                        instant(r[1]),
                        json.readValue((String) r[2], RULES),
                        (String) r[3],
                        (String) r[4]);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored rules of a bundle are unreadable", e);
            }
        });
    }

    /** Whether the tenant ever published this revision. */
    public boolean exists(String tenantId, long revision) {
        return !entityManager
                .createNativeQuery("SELECT 1 FROM rule_bundle WHERE tenant_id = :t AND revision = :r")
                .setParameter("t", tenantId)
                .setParameter("r", revision)
                .getResultList()
                .isEmpty();
    }

    /** Records what an agent reported on a bundle; keeps only the newest report per machine. */
    public void confirm(BundleConfirmation confirmation) {
        entityManager
                .createNativeQuery("INSERT INTO rule_confirmation (tenant_id, agent_id, machine, revision, result, "
                        + "message, reported_at) VALUES (:t, :a, :m, :r, :res, :msg, :at) "
                        + "ON CONFLICT (tenant_id, agent_id) DO UPDATE SET machine = EXCLUDED.machine, "
                        + "revision = EXCLUDED.revision, result = EXCLUDED.result, message = EXCLUDED.message, "
                        + "reported_at = EXCLUDED.reported_at WHERE rule_confirmation.reported_at <= "
                        + "EXCLUDED.reported_at")
                .setParameter("t", confirmation.tenantId())
                .setParameter("a", confirmation.agentId())
                .setParameter("m", confirmation.machine())
                .setParameter("r", confirmation.revision())
                .setParameter("res", confirmation.result())
                .setParameter("msg", confirmation.message())
                .setParameter("at", Timestamp.from(confirmation.reportedAt()))
                .executeUpdate();
    }

    public List<BundleConfirmation> confirmations(String tenantId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT agent_id, machine, revision, result, message, reported_at "
                        + "FROM rule_confirmation WHERE tenant_id = :t ORDER BY machine, agent_id")
                .setParameter("t", tenantId)
                .getResultList();
        return rows.stream()
                .map(r -> new BundleConfirmation(
                        tenantId,
                        (UUID) r[0],
                        (String) r[1],
                        ((Number) r[2]).longValue(),
                        (String) r[3],
                        (String) r[4],
                        instant(r[5])))
                .toList();
    }

    static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case Timestamp t -> t.toInstant();
            case OffsetDateTime o -> o.toInstant();
            default -> throw new IllegalStateException("not a timestamp: " + value.getClass());
        };
    }
}
