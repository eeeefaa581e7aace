package dev.herd.portal.tenant;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Persistence of tenants. Tenants are the one table keyed by tenant id itself. */
@ApplicationScoped
public class TenantRepository implements PanacheRepositoryBase<Tenant, String> {

    /** Every tenant when {@code scope} is empty (MSSP staff), otherwise only the scoped one. */
    public List<Tenant> listVisible(Optional<String> scope) {
        return scope.map(id -> find("id", Sort.by("id"), id).list()).orElseGet(() -> listAll(Sort.by("id")));
    }

    /** One page of the tenants {@code scope} allows (every tenant when it is empty), in the given order. */
    public List<Tenant> pageVisible(Optional<String> scope, Sort order, int index, int size) {
        var query = scope.map(id -> find("id", order, id)).orElseGet(() -> findAll(order));
        return query.page(Page.of(index, size)).list();
    }

    /**
     * One page of the tenants {@code scope} allows, by the value of {@code indexColumn} ({@code vulnerability_index} or
     * {@code risk_index}) in each tenant's last index sample, then by id; tenants without a sample come last.
     */
    @SuppressWarnings("unchecked")
    public List<Tenant> pageByLastIndexSample(
            Optional<String> scope, String indexColumn, boolean descending, int index, int size) {
        if (!indexColumn.equals("vulnerability_index") && !indexColumn.equals("risk_index")) {
            throw new IllegalArgumentException("not an index column: " + indexColumn);
        }
        // LATERAL reads one sample per tenant through the (tenant_id, sampled_at) key, not the whole history.
        String direction = descending ? "DESC" : "ASC";
        return getEntityManager()
                .createNativeQuery(
                        "SELECT t.* FROM tenant t LEFT JOIN LATERAL (SELECT s." + indexColumn + " AS value "
                                + "FROM index_sample s WHERE s.tenant_id = t.id ORDER BY s.sampled_at DESC LIMIT 1) i "
                                + "ON true WHERE (CAST(:scope AS text) IS NULL OR t.id = :scope) "
                                + "ORDER BY i.value " + direction + " NULLS LAST, t.id " + direction
                                + " LIMIT :size OFFSET :offset",
                        Tenant.class)
                .setParameter("scope", scope.orElse(null))
                .setParameter("size", size)
                .setParameter("offset", (long) index * size)
                .getResultList();
    }

    public long countVisible(Optional<String> scope) {
        return scope.map(id -> count("id", id)).orElseGet(this::count);
    }
}
