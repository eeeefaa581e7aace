package dev.herd.gateway.admission;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/** Persistence of admissions; every read is filtered by the caller's tenant scope. */
@ApplicationScoped
public class AdmissionRepository implements PanacheRepositoryBase<Admission, UUID> {

    private static final Sort ORDER = Sort.by("tenantId").and("requestedAt").and("id");

    /** Admissions of the scoped tenant, or of every tenant when {@code scope} is empty (MSSP staff). */
    /**
     * Serialises the follow-through of one tenant's admissions until the transaction ends: a diagnosis and the bundle
     * it waits for may arrive at once, and each must see what the other committed (DESIGN §3.5).
     */
    public void lockFollowThrough(String tenantId) {
        lockFollowThrough(new TreeSet<>(Set.of(tenantId)));
    }

    /** The follow-through locks of these tenants, taken in tenant order so that two callers cannot deadlock. */
    public void lockFollowThrough(SortedSet<String> tenantIds) {
        getEntityManager()
                .createNativeQuery("SELECT count(pg_advisory_xact_lock(1094795585, hashtext(t))) FROM "
                        + "(SELECT t FROM unnest(string_to_array(:tenants, chr(31))) AS t ORDER BY t) AS sorted")
                .setParameter("tenants", String.join("\u001f", tenantIds))
                .getSingleResult();
    }

    public List<Admission> listVisible(Optional<String> scope) {
        return scope.map(tenant -> list("tenantId", ORDER, tenant)).orElseGet(() -> listAll(ORDER));
    }

    /** The admission if it exists and lies in the scope; another tenant's admission is not found. */
    public Optional<Admission> findVisible(UUID id, Optional<String> scope) {
        return findByIdOptional(id).filter(a -> scope.map(a.tenantId::equals).orElse(true));
    }

    /** Every admission not released yet, of every tenant, oldest first: what the isolating device must hold. */
    public List<Admission> listOpen() {
        return list("status <> ?1", Sort.by("requestedAt").and("id"), Admission.Status.RELEASED);
    }

    /** The tenant's admissions not released yet of these MAC addresses. */
    public List<Admission> listOpenByMacs(String tenantId, Collection<String> macs) {
        if (macs.isEmpty()) {
            return List.of();
        }
        return list(
                "tenantId = ?1 and mac in ?2 and status <> ?3",
                Sort.by("requestedAt").and("id"),
                tenantId,
                macs,
                Admission.Status.RELEASED);
    }

    /** The tenant's admissions not released yet that are linked to the agent. */
    public List<Admission> listOpenForAgent(String tenantId, UUID agentId) {
        return list(
                "tenantId = ?1 and agentId = ?2 and status <> ?3",
                Sort.by("requestedAt").and("id"),
                tenantId,
                agentId,
                Admission.Status.RELEASED);
    }

    /**
     * The open admissions of these tenants whose diagnosis left nothing unprotected and waits for a revision up to
     * the one given for its tenant.
     */
    public List<Admission> listAwaitingRevision(Map<String, Long> heldRevisions) {
        return list(
                        "tenantId in ?1 and status <> ?2 and agentId is not null and unprotectedFindings = 0"
                                + " and awaitingRevision is not null",
                        Sort.by("requestedAt").and("id"),
                        heldRevisions.keySet(),
                        Admission.Status.RELEASED)
                .stream()
                .filter(admission -> admission.awaitingRevision <= heldRevisions.get(admission.tenantId))
                .toList();
    }

    /** The agent's newest admission: one not released yet first, else the newest released; empty for none. */
    public Optional<Admission> newestForAgent(String tenantId, UUID agentId) {
        List<Admission> open = listOpenForAgent(tenantId, agentId);
        if (!open.isEmpty()) {
            return Optional.of(open.getLast());
        }
        return find("tenantId = ?1 and agentId = ?2", Sort.descending("requestedAt", "id"), tenantId, agentId)
                .firstResultOptional();
    }

    /** Whether the tenant already has an admission of this MAC address that is not released. */
    public boolean hasOpen(String tenantId, String mac) {
        return count("tenantId = ?1 and mac = ?2 and status <> ?3", tenantId, mac, Admission.Status.RELEASED) > 0;
    }
}
