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
     * One page of the tenants {@code scope} allows, by one figure of each tenant (an index or count of its last index
     * sample, a count of its open cases or warnings, its last report), then by id; tenants without it come last.
     */
    @SuppressWarnings("unchecked")
    public List<Tenant> pageByFigure(Optional<String> scope, TenantPage.Order order, int index, int size) {
        // LATERAL reads one value per tenant through an index (V19, V28), never the whole table behind it.
        String direction = order.descending() ? "DESC" : "ASC";
        return getEntityManager()
                .createNativeQuery(
                        "SELECT t.* FROM tenant t LEFT JOIN LATERAL (" + figure(order) + ") i "
                                + "ON true WHERE (CAST(:scope AS text) IS NULL OR t.id = :scope) "
                                + "ORDER BY i.value " + direction + " NULLS LAST, t.id " + direction
                                + " LIMIT :size OFFSET :offset",
                        Tenant.class)
                .setParameter("scope", scope.orElse(null))
                .setParameter("size", size)
                .setParameter("offset", (long) index * size)
                .getResultList();
    }

    /** The subquery giving tenant {@code t}'s value for the order, as column {@code value}. */
    private static String figure(TenantPage.Order order) {
        return switch (order.figure()) {
            case "VULNERABILITY" -> lastSample("vulnerability_index");
            case "RISK" -> lastSample("risk_index");
            case "FINDINGS" -> lastSample("open_findings");
            case "KNOWN_EXPLOITED" -> lastSample("known_exploited");
            case "CASES" ->
                "SELECT count(*) AS value FROM damage_case c WHERE c.tenant_id = t.id " + "AND c.state <> 'CLOSED'";
            case "WARNINGS" ->
                "SELECT count(*) AS value FROM tenant_warning w WHERE w.tenant_id = t.id " + "AND w.state = 'OPEN'";
            case "LAST_REPORT" ->
                "SELECT m.updated_at AS value FROM machine m WHERE m.tenant_id = t.id "
                        + "ORDER BY m.updated_at DESC LIMIT 1";
            default -> throw new IllegalArgumentException("not a figure order: " + order);
        };
    }

    private static String lastSample(String column) {
        return "SELECT s." + column + " AS value FROM index_sample s WHERE s.tenant_id = t.id "
                + "ORDER BY s.sampled_at DESC LIMIT 1";
    }

    public long countVisible(Optional<String> scope) {
        return scope.map(id -> count("id", id)).orElseGet(this::count);
    }
}
