package dev.herd.portal.warning;

import dev.herd.portal.machine.InstalledPackages;
import dev.herd.portal.match.InstalledPackage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The machines of other tenants that run the software an anomaly attacked: those listening (not only on loopback)
 * on its service, or, when the service is unknown, those with a source package installed on every damaged machine.
 * Deliberately reads across tenants: a warning exists to reach tenants that were not hit. Matched in SQL, so only the
 * exposed machines' ids come back, never the fleet.
 */
@ApplicationScoped
public class SameSoftware {

    private final EntityManager entityManager;
    private final InstalledPackages packages;

    public SameSoftware(EntityManager entityManager, InstalledPackages packages) {
        this.entityManager = entityManager;
        this.packages = packages;
    }

    /** The exposed machines by tenant, without the reporting tenants; empty when nothing can be matched. */
    public Map<String, List<UUID>> exposedTo(Anomaly anomaly) {
        Query query;
        if (anomaly.port() != null) {
            // listening beyond loopback on the port, and on the protocol when known (tcp6 counts as tcp)
            query = entityManager
                    .createNativeQuery("SELECT m.tenant_id, m.id FROM machine m WHERE m.tenant_id <> ALL(:tenants) "
                            + "AND EXISTS (SELECT 1 FROM jsonb_array_elements(m.listening) l "
                            + "WHERE (l->>'port')::int = :port AND NOT (COALESCE(l->>'address', '') LIKE '127.%' "
                            + "OR COALESCE(l->>'address', '') = '::1' OR lower(COALESCE(l->>'address', '')) = "
                            + "'localhost') AND (:protocol = '' OR lower(replace(COALESCE(l->>'protocol', ''), "
                            + "'6', '')) = lower(:protocol))) "
                            + "ORDER BY m.tenant_id, m.id")
                    .setParameter("port", anomaly.port())
                    .setParameter("protocol", anomaly.protocol() == null ? "" : anomaly.protocol());
        } else {
            Set<String> shared = sharedPackages(anomaly.machines());
            if (shared.isEmpty()) {
                return Map.of();
            }
            query = entityManager
                    .createNativeQuery("SELECT m.tenant_id, m.id FROM machine m WHERE m.tenant_id <> ALL(:tenants) "
                            + "AND m.package_set_id IN (SELECT p.set_id FROM package_set_member p "
                            + "WHERE p.match_name = ANY(:names)) ORDER BY m.tenant_id, m.id")
                    .setParameter("names", shared.toArray(String[]::new));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setParameter("tenants", anomaly.tenants().toArray(String[]::new))
                .getResultList();
        Map<String, List<UUID>> exposed = new TreeMap<>();
        for (Object[] row : rows) {
            exposed.computeIfAbsent((String) row[0], t -> new ArrayList<>()).add((UUID) row[1]);
        }
        return exposed;
    }

    /** The source packages (match names) installed on every one of these machines. */
    Set<String> sharedPackages(Collection<UUID> damaged) {
        Map<UUID, List<InstalledPackage>> installed = packages.ofIds(damaged);
        Set<String> shared = null;
        for (UUID machine : damaged) {
            Set<String> names = installed.getOrDefault(machine, List.of()).stream()
                    .map(InstalledPackage::name)
                    .collect(Collectors.toSet());
            if (shared == null) {
                shared = new HashSet<>(names);
            } else {
                shared.retainAll(names);
            }
        }
        return shared == null ? Set.of() : shared;
    }
}
