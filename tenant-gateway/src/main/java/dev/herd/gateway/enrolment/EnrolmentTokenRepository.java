package dev.herd.gateway.enrolment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Persistence of enrolment tokens; listings are filtered by the caller's tenant scope. */
@ApplicationScoped
public class EnrolmentTokenRepository implements PanacheRepositoryBase<EnrolmentToken, UUID> {

    private static final Sort ORDER = Sort.by("tenantId").and("createdAt").and("id");

    /** Tokens of the scoped tenant, or of every tenant when {@code scope} is empty (MSSP staff). */
    public List<EnrolmentToken> listVisible(Optional<String> scope) {
        return scope.map(tenant -> list("tenantId", ORDER, tenant)).orElseGet(() -> listAll(ORDER));
    }

    public Optional<EnrolmentToken> findByHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }

    /**
     * Marks the token used by {@code agentId} only if it is still unused and unexpired. Of two concurrent uses the
     * second waits for the first's row lock and then matches nothing; returns whether this call won.
     */
    public boolean consume(UUID tokenId, UUID agentId, Instant now) {
        return update(
                        "usedAt = ?1, agentId = ?2 where id = ?3 and usedAt is null and expiresAt > ?1",
                        now,
                        agentId,
                        tokenId)
                == 1;
    }
}
