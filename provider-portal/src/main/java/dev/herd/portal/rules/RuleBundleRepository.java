package dev.herd.portal.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.delivery.RuleBundle;
import dev.herd.portal.sql.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The rule bundle revisions published per tenant (deltas mostly), and the revision each machine's agent reported on. */
@ApplicationScoped
public class RuleBundleRepository {

    private static final TypeReference<List<RuleBundle.Rule>> RULES = new TypeReference<>() {};

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final PublishedRuleSetRepository sets;

    public RuleBundleRepository(EntityManager entityManager, ObjectMapper json, PublishedRuleSetRepository sets) {
        this.entityManager = entityManager;
        this.json = json;
        this.sets = sets;
    }

    /** Stores revisions as they are sent, deltas (small) or full bundles, with one statement for all of them. */
    void save(List<RuleBundle> revisions) {
        if (revisions.isEmpty()) {
            return;
        }
        List<String> rules = new ArrayList<>(revisions.size());
        List<String> changes = new ArrayList<>(revisions.size());
        try {
            for (RuleBundle bundle : revisions) {
                rules.add(json.writeValueAsString(bundle.rules()));
                changes.add(bundle.changes() == null ? null : json.writeValueAsString(bundle.changes()));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rules of bundle cannot be written as JSON", e);
        }
        // a delta has no suricata text, a full bundle no base revision
        entityManager
                .createNativeQuery("INSERT INTO rule_bundle (tenant_id, revision, generated_at, rules, nftables, "
                        + "suricata, base_revision, changes) SELECT t, r, g, CAST(ru AS jsonb), n, s, b, "
                        + "CAST(c AS jsonb) FROM unnest(CAST(:t AS text[]), CAST(:r AS bigint[]), "
                        + "CAST(:g AS timestamptz[]), CAST(:ru AS text[]), CAST(:n AS text[]), CAST(:s AS text[]), "
                        + "CAST(:b AS bigint[]), CAST(:c AS text[])) AS v (t, r, g, ru, n, s, b, c)")
                .setParameter("t", revisions.stream().map(RuleBundle::tenantId).toArray(String[]::new))
                .setParameter("r", revisions.stream().map(RuleBundle::revision).toArray(Long[]::new))
                .setParameter(
                        "g",
                        revisions.stream()
                                .map(b -> Timestamp.from(b.generatedAt()))
                                .toArray(Timestamp[]::new))
                .setParameter("ru", rules.toArray(String[]::new))
                .setParameter("n", revisions.stream().map(RuleBundle::nftables).toArray(String[]::new))
                .setParameter("s", revisions.stream().map(RuleBundle::suricata).toArray(String[]::new))
                .setParameter(
                        "b", revisions.stream().map(RuleBundle::baseRevision).toArray(Long[]::new))
                .setParameter("c", changes.toArray(String[]::new))
                .executeUpdate();
    }

    /**
     * The tenant's newest revision as a full bundle: rendered from its {@link PublishedRuleSet}, or (for a tenant that
     * published nothing since deltas came) the newest full bundle stored.
     */
    public Optional<RuleBundle> latest(String tenantId) {
        return sets.find(tenantId).map(FullRuleBundle::of).or(() -> latestStoredFull(tenantId));
    }

    private Optional<RuleBundle> latestStoredFull(String tenantId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        "SELECT revision, generated_at, CAST(rules AS text), nftables, COALESCE(suricata, '') "
                                + "FROM rule_bundle WHERE tenant_id = :t AND base_revision IS NULL "
                                + "ORDER BY revision DESC LIMIT 1")
                .setParameter("t", tenantId)
                .getResultList();
        return rows.stream().findFirst().map(r -> {
            try {
                return new RuleBundle(
                        tenantId,
                        ((Number) r[0]).longValue(),
                        Timestamps.instant(r[1]),
                        json.readValue((String) r[2], RULES),
                        (String) r[3],
                        (String) r[4]);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored rules of a bundle are unreadable", e);
            }
        });
    }

    /** Whether the tenant ever published this revision (revisions count up from 1; old ones are not all kept). */
    public boolean exists(String tenantId, long revision) {
        Object newest = entityManager
                .createNativeQuery("SELECT max(revision) FROM rule_bundle WHERE tenant_id = :t")
                .setParameter("t", tenantId)
                .getSingleResult();
        return revision >= 1 && newest != null && revision <= ((Number) newest).longValue();
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
                        Timestamps.instant(r[5])))
                .toList();
    }
}
