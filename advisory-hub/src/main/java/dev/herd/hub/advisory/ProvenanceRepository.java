package dev.herd.hub.advisory;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Persistence of provenance: what each provider's document said. */
@ApplicationScoped
public class ProvenanceRepository implements PanacheRepositoryBase<Provenance, Long> {

    public Optional<Provenance> findByDocument(String providerId, String documentId) {
        return find("providerId = ?1 and documentId = ?2", providerId, documentId)
                .firstResultOptional();
    }

    public List<Provenance> listFor(String advisoryId) {
        return list("advisoryId", Sort.by("receivedAt").and("id"), advisoryId);
    }
}
