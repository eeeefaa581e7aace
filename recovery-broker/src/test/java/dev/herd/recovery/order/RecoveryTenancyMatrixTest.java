package dev.herd.recovery.order;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herd.testing.EmbeddedArtemisResource;
import dev.herd.testing.tenancy.Operation;
import dev.herd.testing.tenancy.TenancyMatrixSuite;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

/**
 * The tenancy matrix against the broker's API: each call names a fresh order of acme's in the state its operation
 * acts on, so that no answer depends on the calls before it.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class RecoveryTenancyMatrixTest extends TenancyMatrixSuite {

    @Inject
    RecoveryOrderRepository orders;

    @Override
    protected void prepare() {
        QuarkusTransaction.requiringNew().run(() -> orders.deleteAll());
    }

    @Override
    protected String pathValue(Operation operation, String name, JsonNode schema) {
        OrderState state = operation.template().endsWith("/confirm")
                ? OrderState.APPLIED
                : operation.template().endsWith("/retry") ? OrderState.ESCALATED : OrderState.RECEIVED;
        return acmeOrder(state).toString();
    }

    private UUID acmeOrder(OrderState state) {
        RecoveryOrder order = new RecoveryOrder();
        order.id = UUID.randomUUID();
        order.tenantId = TENANT;
        order.kind = OrderKind.ISOLATE;
        order.state = state;
        order.createdAt = Instant.now();
        order.updatedAt = order.createdAt;
        QuarkusTransaction.requiringNew().run(() -> orders.persist(order));
        return order.id;
    }
}
