package dev.herd.gateway.delivery.rules;

import dev.herd.contracts.delivery.RuleBundle;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/** Persistence of the newest rule bundle per tenant. */
@ApplicationScoped
public class RuleBundleRepository implements PanacheRepositoryBase<StoredRuleBundle, String> {

    /** The tenant's bundle, if it has one yet. */
    public Optional<StoredRuleBundle> findForTenant(String tenantId) {
        return findByIdOptional(tenantId);
    }

    /** Stores the bundle unless the tenant's stored one has the same or a newer revision; true when it was stored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean storeIfNewer(RuleBundle bundle, String body, Instant receivedAt) {
        return getEntityManager()
                        .createNativeQuery("""
                                INSERT INTO rule_bundle (tenant_id, revision, generated_at, received_at, body)
                                VALUES (?1, ?2, ?3, ?4, CAST(?5 AS jsonb))
                                ON CONFLICT (tenant_id) DO UPDATE SET revision = EXCLUDED.revision,
                                    generated_at = EXCLUDED.generated_at, received_at = EXCLUDED.received_at,
                                    body = EXCLUDED.body
                                WHERE rule_bundle.revision < EXCLUDED.revision""")
                        .setParameter(1, bundle.tenantId())
                        .setParameter(2, bundle.revision())
                        .setParameter(3, bundle.generatedAt())
                        .setParameter(4, receivedAt)
                        .setParameter(5, body)
                        .executeUpdate()
                == 1;
    }
}
