package dev.herd.recovery.order;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Persistence of recovery orders; every query is filtered by the caller's tenant scope. */
@ApplicationScoped
public class RecoveryOrderRepository implements PanacheRepositoryBase<RecoveryOrder, UUID> {

    private static final Sort NEWEST_FIRST = Sort.descending("createdAt");

    /** Orders of the scoped tenant, or of every tenant when {@code scope} is empty (MSSP staff). */
    public List<RecoveryOrder> listVisible(Optional<String> scope) {
        return scope.map(tenant -> list("tenantId", NEWEST_FIRST, tenant)).orElseGet(() -> listAll(NEWEST_FIRST));
    }

    /** One order, only if it is inside {@code scope}. */
    public Optional<RecoveryOrder> findVisible(Optional<String> scope, UUID id) {
        return findByIdOptional(id)
                .filter(order -> scope.map(order.tenantId::equals).orElse(true));
    }
}
