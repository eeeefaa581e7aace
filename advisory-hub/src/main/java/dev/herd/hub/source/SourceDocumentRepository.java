package dev.herd.hub.source;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The SHA-256 of every document a source last stored, so that unchanged documents are not ingested again. */
@ApplicationScoped
public class SourceDocumentRepository {

    private final EntityManager em;

    public SourceDocumentRepository(EntityManager em) {
        this.em = em;
    }

    Optional<String> sha256(long sourceId, String location) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery(
                            "SELECT sha256 FROM source_document WHERE source_id = ?1 AND location = ?2")
                    .setParameter(1, sourceId)
                    .setParameter(2, location)
                    .getResultList();
            return rows.stream().map(Object::toString).findFirst();
        });
    }

    void remember(long sourceId, String location, String sha256, Instant seenAt) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                                INSERT INTO source_document (source_id, location, sha256, last_seen_at)
                                VALUES (?1, ?2, ?3, ?4)
                                ON CONFLICT (source_id, location)
                                DO UPDATE SET sha256 = EXCLUDED.sha256, last_seen_at = EXCLUDED.last_seen_at
                                """)
                        .setParameter(1, sourceId)
                        .setParameter(2, location)
                        .setParameter(3, sha256)
                        .setParameter(4, seenAt)
                        .executeUpdate());
    }

    void seen(long sourceId, String location, Instant seenAt) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "UPDATE source_document SET last_seen_at = ?3 WHERE source_id = ?1 AND location = ?2")
                        .setParameter(1, sourceId)
                        .setParameter(2, location)
                        .setParameter(3, seenAt)
                        .executeUpdate());
    }
}
