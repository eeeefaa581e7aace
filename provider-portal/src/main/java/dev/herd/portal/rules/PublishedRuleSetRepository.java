package dev.herd.portal.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.delivery.RuleBundle;
import dev.herd.portal.sql.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/** One {@link PublishedRuleSet} per tenant (table rule_bundle_state), replaced by every revision. */
@ApplicationScoped
public class PublishedRuleSetRepository {

    private static final TypeReference<List<FilterRule>> FILTER_RULES = new TypeReference<>() {};
    private static final TypeReference<List<RuleBundle.Rule>> RULES = new TypeReference<>() {};

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public PublishedRuleSetRepository(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    public Optional<PublishedRuleSet> find(String tenantId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT revision, generated_at, CAST(filter_rules AS text), CAST(rules AS text) "
                        + "FROM rule_bundle_state WHERE tenant_id = :t")
                .setParameter("t", tenantId)
                .getResultList();
        return rows.stream().findFirst().map(r -> {
            try {
                return new PublishedRuleSet(
                        tenantId,
                        ((Number) r[0]).longValue(),
                        Timestamps.instant(r[1]),
                        json.readValue((String) r[2], FILTER_RULES),
                        json.readValue((String) r[3], RULES));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the stored rule set of tenant " + tenantId + " is unreadable", e);
            }
        });
    }

    void save(PublishedRuleSet set) {
        try {
            entityManager
                    .createNativeQuery(
                            "INSERT INTO rule_bundle_state (tenant_id, revision, generated_at, filter_rules, "
                                    + "rules) VALUES (:t, :r, :g, CAST(:f AS jsonb), CAST(:rules AS jsonb)) "
                                    + "ON CONFLICT (tenant_id) DO UPDATE SET revision = EXCLUDED.revision, "
                                    + "generated_at = EXCLUDED.generated_at, filter_rules = EXCLUDED.filter_rules, "
                                    + "rules = EXCLUDED.rules")
                    .setParameter("t", set.tenantId())
                    .setParameter("r", set.revision())
                    .setParameter("g", Timestamp.from(set.generatedAt()))
                    .setParameter("f", json.writeValueAsString(set.filterRules()))
                    .setParameter("rules", json.writeValueAsString(set.rules()))
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the rule set cannot be written as JSON", e);
        }
    }
}
