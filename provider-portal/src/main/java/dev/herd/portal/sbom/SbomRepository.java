package dev.herd.portal.sbom;

import dev.herd.portal.match.CpeProducts;
import dev.herd.portal.sql.PostgresCopy;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SBOMs and their components; every method for tenant data takes the tenant. */
@ApplicationScoped
public class SbomRepository implements PanacheRepositoryBase<Sbom, UUID> {

    private final PostgresCopy copy;

    public SbomRepository(PostgresCopy copy) {
        this.copy = copy;
    }

    /** An SBOM of this tenant; empty for another tenant's. */
    public Optional<Sbom> ofTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /** At most {@code limit} SBOMs of the tenant, newest first, of one machine or application when given. */
    public List<Sbom> list(String tenantId, UUID machineId, String application, int limit) {
        StringBuilder query = new StringBuilder("tenantId = :tenant");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("tenant", tenantId);
        if (machineId != null) {
            query.append(" and machineId = :machine");
            parameters.put("machine", machineId);
        }
        if (application != null) {
            query.append(" and application = :application");
            parameters.put("application", application);
        }
        return find(query.toString(), Sort.descending("uploadedAt", "id"), parameters)
                .page(0, limit)
                .list();
    }

    /** Writes the components of a new SBOM (COPY). */
    public void insertComponents(Sbom sbom, List<SbomComponent> components) {
        PostgresCopy.Rows rows = new PostgresCopy.Rows();
        components.forEach(c -> rows.row(sbom.id, sbom.tenantId, c.ecosystem(), c.name(), c.version(), c.purl()));
        copy.into("sbom_component", "sbom_id, tenant_id, ecosystem, name, version, purl", rows);
    }

    /** A package as advisories name it: OSV ecosystem and name. */
    public record PackageKey(String ecosystem, String name) {}

    /**
     * The condition that a component {@code c} is of one of these packages: by ecosystem and name (index
     * sbom_component_by_package), or, for packages named by CPE, by product ({@link CpeProducts#productOf}, index
     * sbom_component_by_product). Its parameters are set by {@link #keys}.
     */
    private static String matches(Collection<PackageKey> packages) {
        List<String> conditions = new ArrayList<>();
        if (packages.stream().anyMatch(k -> !CpeProducts.isCpe(k.ecosystem()))) {
            conditions.add("(c.ecosystem, c.name) IN (SELECT * FROM unnest(CAST(:e AS text[]), CAST(:n AS text[])))");
        }
        if (packages.stream().anyMatch(k -> CpeProducts.isCpe(k.ecosystem()))) {
            conditions.add(PRODUCT + " = ANY(CAST(:p AS text[]))");
        }
        return String.join(" OR ", conditions);
    }

    /** The product of a component's name, as {@link CpeProducts#productOf} computes it (index sbom_component_by_product). */
    private static final String PRODUCT = "lower(regexp_replace(c.name, '^.*[:/]', ''))";

    private static Query keys(Query query, Collection<PackageKey> packages) {
        List<PackageKey> named =
                packages.stream().filter(k -> !CpeProducts.isCpe(k.ecosystem())).toList();
        List<String> products = packages.stream()
                .filter(k -> CpeProducts.isCpe(k.ecosystem()))
                .map(PackageKey::name)
                .toList();
        if (!named.isEmpty()) {
            query.setParameter("e", named.stream().map(PackageKey::ecosystem).toArray(String[]::new))
                    .setParameter("n", named.stream().map(PackageKey::name).toArray(String[]::new));
        }
        if (!products.isEmpty()) {
            query.setParameter("p", products.toArray(String[]::new));
        }
        return query;
    }

    /**
     * The next {@code limit} SBOMs (of every tenant) after {@code after} (null: from the start), in id order, that
     * have a component of one of these packages: a keyset page over index sbom_component_by_package.
     */
    public List<Sbom> withPackages(Collection<PackageKey> packages, UUID after, int limit) {
        if (packages.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = keys(
                        getEntityManager()
                                .createNativeQuery("SELECT DISTINCT c.sbom_id FROM sbom_component c "
                                        + "WHERE (" + matches(packages) + ") AND (CAST(:after AS uuid) IS NULL "
                                        + "OR c.sbom_id > CAST(:after AS uuid)) ORDER BY c.sbom_id LIMIT :limit"),
                        packages)
                .setParameter("after", after == null ? null : after.toString())
                .setParameter("limit", limit)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return find("id in ?1", Sort.by("id"), ids).list();
    }

    /** The components of these SBOMs, of these packages only (null: all), by SBOM. */
    public Map<UUID, List<SbomComponent>> components(Collection<UUID> sbomIds, Collection<PackageKey> packages) {
        Map<UUID, List<SbomComponent>> bySbom = new HashMap<>();
        if (sbomIds.isEmpty()) {
            return bySbom;
        }
        boolean all = packages == null;
        Query query = getEntityManager()
                .createNativeQuery("SELECT c.sbom_id, c.ecosystem, c.name, c.version, c.purl FROM sbom_component c "
                        + "WHERE c.sbom_id = ANY(:ids) " + (all ? "" : "AND (" + matches(packages) + ") ")
                        + "ORDER BY c.sbom_id, c.ecosystem, c.name, c.version")
                .setParameter("ids", sbomIds.toArray(UUID[]::new));
        if (!all) {
            keys(query, packages);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        for (Object[] r : rows) {
            bySbom.computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
                    .add(new SbomComponent((String) r[1], (String) r[2], (String) r[3], (String) r[4]));
        }
        return bySbom;
    }

    /** Open findings per SBOM of the tenant, for these SBOMs. */
    public Map<UUID, Long> openFindings(String tenantId, Collection<UUID> sbomIds) {
        Map<UUID, Long> counts = new HashMap<>();
        if (sbomIds.isEmpty()) {
            return counts;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("SELECT sbom_id, count(*) FROM finding WHERE tenant_id = :t AND sbom_id = ANY(:ids) "
                        + "AND closed_at IS NULL GROUP BY sbom_id")
                .setParameter("t", tenantId)
                .setParameter("ids", sbomIds.toArray(UUID[]::new))
                .getResultList();
        rows.forEach(r -> counts.put((UUID) r[0], ((Number) r[1]).longValue()));
        return counts;
    }
}
