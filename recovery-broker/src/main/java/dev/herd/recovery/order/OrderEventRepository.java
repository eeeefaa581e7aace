package dev.herd.recovery.order;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The history of orders, oldest line first. */
@ApplicationScoped
public class OrderEventRepository implements PanacheRepository<OrderEvent> {

    public List<OrderEvent> history(String tenantId, UUID orderId) {
        return list("tenantId = ?1 and orderId = ?2", Sort.by("id"), tenantId, orderId);
    }
}
