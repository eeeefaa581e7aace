package dev.herd.recovery.order;

import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dev.herd.testing.KeycloakTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recovery orders are tenant data: customer users see only their tenant's orders. */
@QuarkusTest
class RecoveryOrderResourceTest {

    private static final UUID ACME_ORDER = UUID.fromString("00000000-0000-0000-0000-00000000a002");
    private static final UUID GLOBEX_ORDER = UUID.fromString("00000000-0000-0000-0000-00000000b002");
    private static final UUID ACME_APPLIED = UUID.fromString("00000000-0000-0000-0000-00000000a003");
    private static final UUID ACME_ESCALATED = UUID.fromString("00000000-0000-0000-0000-00000000a004");

    @Inject
    RecoveryOrderRepository orders;

    @BeforeEach
    void oneOrderPerTenant() {
        QuarkusTransaction.requiringNew().run(() -> {
            orders.deleteAll();
            orders.persist(order(ACME_ORDER, "acme", OrderKind.ISOLATE, Instant.parse("2026-11-20T10:00:00Z")));
            orders.persist(order(GLOBEX_ORDER, "globex", OrderKind.RECOVER, Instant.parse("2026-11-21T10:00:00Z")));
        });
    }

    private void seedAppliedAndEscalated() {
        QuarkusTransaction.requiringNew().run(() -> {
            RecoveryOrder applied =
                    order(ACME_APPLIED, "acme", OrderKind.ISOLATE, Instant.parse("2026-11-19T10:00:00Z"));
            applied.state = OrderState.APPLIED;
            orders.persist(applied);
            RecoveryOrder escalated =
                    order(ACME_ESCALATED, "acme", OrderKind.ISOLATE, Instant.parse("2026-11-18T10:00:00Z"));
            escalated.state = OrderState.ESCALATED;
            escalated.attempt = 5;
            orders.persist(escalated);
        });
    }

    @Test
    void customerUserSeesOnlyOwnTenantsOrders() {
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/orders")
                .then()
                .statusCode(200)
                .body("id", contains(ACME_ORDER.toString()))
                .body("kind", contains("ISOLATE"));
        given().auth()
                .oauth2(user("acme-viewer"))
                .get("/api/orders/" + GLOBEX_ORDER)
                .then()
                .statusCode(404)
                .body("code", equalTo("order-not-found"));
    }

    @Test
    void msspStaffSeeEveryOrderNewestFirst() {
        given().auth()
                .oauth2(user("herd-admin"))
                .get("/api/orders")
                .then()
                .statusCode(200)
                .body("tenantId", contains("globex", "acme"));
        given().auth()
                .oauth2(user("herd-admin"))
                .get("/api/orders/" + GLOBEX_ORDER)
                .then()
                .statusCode(200)
                .body("state", equalTo("RECEIVED"));
    }

    @Test
    void gatewaysCannotReadOrders() {
        given().auth()
                .oauth2(KeycloakTokens.client("gateway-globex", "gateway-globex-secret"))
                .get("/api/orders")
                .then()
                .statusCode(403);
    }

    @Test
    void tenantAdminsSeeOnlyTheirTenantAndNeverAnotherTenantsOrder() {
        given().auth()
                .oauth2(user("globex-admin"))
                .get("/api/orders")
                .then()
                .statusCode(200)
                .body("id", contains(GLOBEX_ORDER.toString()));
        given().auth()
                .oauth2(user("globex-admin"))
                .get("/api/orders/" + ACME_ORDER)
                .then()
                .statusCode(404)
                .body("code", equalTo("order-not-found"));
        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/orders/" + ACME_ORDER)
                .then()
                .statusCode(200)
                .body("tenantId", equalTo("acme"))
                .body("history", empty());
    }

    @Test
    void onlyTheTenantsGatewayOrAnMsspAdminConfirmsAnAppliedOrder() {
        seedAppliedAndEscalated();
        given().auth()
                .oauth2(KeycloakTokens.client("gateway-globex", "gateway-globex-secret"))
                .post("/api/orders/" + ACME_APPLIED + "/confirm")
                .then()
                .statusCode(404)
                .body("code", equalTo("order-not-found"));
        given().auth()
                .oauth2(user("acme-admin"))
                .post("/api/orders/" + ACME_APPLIED + "/confirm")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(user("herd-admin"))
                .post("/api/orders/" + ACME_ORDER + "/confirm")
                .then()
                .statusCode(409)
                .body("code", equalTo("order-not-applied"));
        given().auth()
                .oauth2(KeycloakTokens.client("gateway-acme", "gateway-acme-secret"))
                .post("/api/orders/" + ACME_APPLIED + "/confirm")
                .then()
                .statusCode(200)
                .body("state", equalTo("CONFIRMED"));
        // Confirming twice is harmless.
        given().auth()
                .oauth2(user("herd-admin"))
                .post("/api/orders/" + ACME_APPLIED + "/confirm")
                .then()
                .statusCode(200)
                .body("state", equalTo("CONFIRMED"))
                .body("confirmedBy", equalTo("service-account-gateway-acme"));
    }

    @Test
    void onlyEscalatedOrdersAreRetriedAndOnlyByAnMsspAdmin() {
        seedAppliedAndEscalated();
        given().auth()
                .oauth2(user("herd-admin"))
                .post("/api/orders/" + ACME_APPLIED + "/retry")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("order-not-escalated"));
        given().auth()
                .oauth2(user("herd-admin"))
                .post("/api/orders/" + UUID.randomUUID() + "/retry")
                .then()
                .statusCode(404)
                .body("code", equalTo("order-not-found"));
        given().auth()
                .oauth2(user("herd-admin"))
                .post("/api/orders/not-an-id/retry")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(user("acme-admin"))
                .post("/api/orders/" + ACME_ESCALATED + "/retry")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(user("herd-admin"))
                .post("/api/orders/" + ACME_ESCALATED + "/retry")
                .then()
                .statusCode(200)
                .body("state", equalTo("RETRYING"))
                .body("attempt", equalTo(0));
    }

    private static RecoveryOrder order(UUID id, String tenant, OrderKind kind, Instant at) {
        RecoveryOrder order = new RecoveryOrder();
        order.id = id;
        order.tenantId = tenant;
        order.kind = kind;
        order.state = OrderState.RECEIVED;
        order.createdAt = at;
        order.updatedAt = at;
        return order;
    }
}
