package dev.herd.recovery.order;

import static dev.herd.testing.KeycloakTokens.client;
import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.inbox.MessageLedger;
import dev.herd.contracts.isolation.IsolationOrder;
import dev.herd.contracts.isolation.IsolationOrder.PlaybookStep;
import dev.herd.contracts.isolation.OrderStatus;
import dev.herd.contracts.isolation.OrderStatus.State;
import dev.herd.recovery.device.RecordingDriver;
import dev.herd.recovery.support.Eventually;
import dev.herd.recovery.support.TestOrders;
import dev.herd.testing.EmbeddedArtemisResource;
import dev.herd.testing.Messages;
import dev.herd.testing.Subscription;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Orders from the broker address to CONFIRMED or ESCALATED, through the recording driver. */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class OrderLifecycleTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    ConnectionFactory connections;

    @Inject
    ObjectMapper json;

    @Inject
    RecordingDriver driver;

    @Inject
    MockMailbox mailbox;

    @Inject
    RecoveryOrderRepository orders;

    @Inject
    OrderEventRepository events;

    @Inject
    MessageLedger ledger;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void clean() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : List.of("order_event", "owner_notice", "recovery_order", "dead_letter")) {
                entityManager.createNativeQuery("DELETE FROM " + table).executeUpdate();
            }
        });
        driver.reset();
        mailbox.clear();
    }

    @Test
    void isolationIsAppliedThenConfirmedByTheTenantsGateway() {
        IsolationOrder order = TestOrders.isolate("acme", "fw-acme", "alice@acme.example", "bob@acme.example");
        try (Subscription status = Subscription.to(connections, json, OrderStatus.ADDRESS)) {
            send(order);
            assertEquals(List.of(State.RECEIVED, State.EXECUTING, State.APPLIED), states(status, order, 3));

            given().auth()
                    .oauth2(client("gateway-acme", "gateway-acme-secret"))
                    .post("/api/orders/" + order.orderId() + "/confirm")
                    .then()
                    .statusCode(200)
                    .body("state", equalTo("CONFIRMED"))
                    .body("confirmedBy", equalTo("service-account-gateway-acme"));
            assertEquals(List.of(State.CONFIRMED), states(status, order, 1));
        }
        assertEquals(List.of("fw-acme " + order.orderId()), calls());
        Eventually.until(WAIT, "a mail to each owner", () -> mailbox.getTotalMessagesSent() == 2);
        Mail mail = mailbox.getMailsSentTo("alice@acme.example").getFirst();
        assertThat(mail.getSubject(), containsString("ISOLATE confirmed"));
        assertThat(mail.getText(), containsString(order.orderId().toString()));
        assertThat(mail.getText(), containsString("web-01 [10.20.0.11]"));
        assertThat(mail.getText(), containsString("spreading worm"));
        assertEquals(1, mailbox.getMailsSentTo("bob@acme.example").size());
        given().auth()
                .oauth2(user("acme-admin"))
                .get("/api/orders/" + order.orderId())
                .then()
                .statusCode(200)
                .body("history.state", equalTo(List.of("RECEIVED", "EXECUTING", "APPLIED", "CONFIRMED")));
    }

    @Test
    void aDeviceThatConfirmsConfirmsAtOnce() {
        driver.confirming(true);
        IsolationOrder order = TestOrders.isolate("acme", "fw-acme", "alice@acme.example");
        try (Subscription status = Subscription.to(connections, json, OrderStatus.ADDRESS)) {
            send(order);
            assertEquals(
                    List.of(State.RECEIVED, State.EXECUTING, State.APPLIED, State.CONFIRMED), states(status, order, 4));
        }
    }

    @Test
    void anOrderSentTwiceOrRedeliveredIsExecutedOnce() throws Exception {
        IsolationOrder order = TestOrders.isolate("acme", "fw-acme");
        String payload = json.writeValueAsString(order);
        Messages.sendWithId(connections, IsolationOrder.ADDRESS, payload, order.orderId() + "-message-1");
        Messages.sendWithId(connections, IsolationOrder.ADDRESS, payload, order.orderId() + "-message-2");
        awaitState(order.orderId(), OrderState.APPLIED);
        Messages.sendWithId(connections, IsolationOrder.ADDRESS, payload, order.orderId() + "-message-3");
        Thread.sleep(1_500);

        assertEquals(1, driver.calls().size());
        assertEquals(
                List.of(OrderState.RECEIVED, OrderState.EXECUTING, OrderState.APPLIED),
                history(order.orderId()).stream().map(e -> e.state).toList());
    }

    @Test
    void aFailingDeviceIsRetriedWithBackoffThenEscalatedToTheOwners() {
        driver.failNext("fw-globex", 3);
        IsolationOrder order = TestOrders.isolate("globex", "fw-globex", "carol@globex.example");
        List<OrderStatus> seen;
        try (Subscription status = Subscription.to(connections, json, OrderStatus.ADDRESS)) {
            send(order);
            seen = statuses(status, order, 10);
        }
        assertEquals(
                List.of(
                        State.RECEIVED,
                        State.EXECUTING,
                        State.FAILED,
                        State.RETRYING,
                        State.EXECUTING,
                        State.FAILED,
                        State.RETRYING,
                        State.EXECUTING,
                        State.FAILED,
                        State.ESCALATED),
                seen.stream().map(OrderStatus::state).toList());
        // herd.recovery.retry.base=100ms in %test: the delay doubles with each attempt.
        assertEquals("attempt 2 of 3 in PT0.1S", seen.get(3).detail());
        assertEquals("attempt 3 of 3 in PT0.2S", seen.get(6).detail());
        assertEquals(3, seen.get(9).attempt());
        assertEquals(3, driver.calls().size());
        Eventually.until(
                WAIT,
                "the escalation mail",
                () -> !mailbox.getMailsSentTo("carol@globex.example").isEmpty());
        Mail mail = mailbox.getMailsSentTo("carol@globex.example").getFirst();
        assertThat(mail.getSubject(), containsString("ISOLATE escalated"));
        assertThat(mail.getText(), containsString("failed 3 times"));
        assertThat(mail.getText(), containsString("refused the call"));

        // The device is fixed: an MSSP admin retries and the order goes through.
        given().auth()
                .oauth2(user("herd-admin"))
                .post("/api/orders/" + order.orderId() + "/retry")
                .then()
                .statusCode(200)
                .body("state", equalTo("RETRYING"))
                .body("attempt", equalTo(0));
        awaitState(order.orderId(), OrderState.APPLIED);
        assertEquals(4, driver.calls().size());
    }

    @Test
    void anOrderForAnUnknownIsolationPointFailsClearlyAndIsEscalated() {
        IsolationOrder order = TestOrders.isolate("acme", "fw-nowhere", "alice@acme.example");
        List<OrderStatus> seen;
        try (Subscription status = Subscription.to(connections, json, OrderStatus.ADDRESS)) {
            send(order);
            seen = statuses(status, order, 4);
        }
        assertEquals(
                List.of(State.RECEIVED, State.EXECUTING, State.FAILED, State.ESCALATED),
                seen.stream().map(OrderStatus::state).toList());
        assertEquals(
                "Unknown isolation point 'fw-nowhere': no herd.recovery.devices.fw-nowhere.driver is configured.",
                seen.get(2).detail());
        assertTrue(driver.calls().isEmpty());
        Eventually.until(
                WAIT,
                "the escalation mail",
                () -> !mailbox.getMailsSentTo("alice@acme.example").isEmpty());
    }

    @Test
    void aMalformedOrderIsSetAsideAndTheNextOneIsExecuted() {
        long before = ledger.deadLetters("recovery-broker-orders");
        IsolationOrder order = TestOrders.isolate("acme", "fw-acme");
        Messages.send(
                connections,
                json,
                IsolationOrder.ADDRESS,
                List.of("{not json", "{\"orderId\":\"" + UUID.randomUUID() + "\",\"kind\":\"ISOLATE\"}", order));
        awaitState(order.orderId(), OrderState.APPLIED);
        assertEquals(before + 2, ledger.deadLetters("recovery-broker-orders"));
    }

    @Test
    void aRecoveryRunsItsPlaybookStepByStepAndWaitsForConfirmation() {
        driver.confirming(true);
        IsolationOrder order = TestOrders.recover(
                "acme",
                "gw-acme",
                List.of(
                        new PlaybookStep("DELETE_FILES", "/tmp/dropper"),
                        new PlaybookStep("APPLY_PATCH", "openssl"),
                        new PlaybookStep("RESTART_SERVICE", "nginx")));
        send(order);
        awaitState(order.orderId(), OrderState.APPLIED);

        assertEquals(
                List.of(
                        "gw-acme " + order.orderId() + "/step-1 DELETE_FILES",
                        "gw-acme " + order.orderId() + "/step-2 APPLY_PATCH",
                        "gw-acme " + order.orderId() + "/step-3 RESTART_SERVICE"),
                calls());
        assertThat(
                history(order.orderId()).stream().map(e -> e.detail).toList(),
                hasItems(
                        "step 1/3 DELETE_FILES /tmp/dropper: recorded on gw-acme",
                        "step 3/3 RESTART_SERVICE nginx: recorded on gw-acme"));
        // Monitor data confirm a recovery, not the device: the order stays APPLIED until the portal confirms.
        assertEquals(OrderState.APPLIED, state(order.orderId()));
        given().auth()
                .oauth2(user("herd-admin"))
                .post("/api/orders/" + order.orderId() + "/confirm")
                .then()
                .statusCode(200)
                .body("state", equalTo("CONFIRMED"));
    }

    @Test
    void anOrderLeftExecutingByADeadExecutorIsResumedWithTheSameKey() {
        IsolationOrder message = TestOrders.isolate("acme", "fw-acme");
        QuarkusTransaction.requiringNew().run(() -> {
            RecoveryOrder order = new RecoveryOrder();
            order.id = message.orderId();
            order.tenantId = "acme";
            order.kind = OrderKind.ISOLATE;
            order.state = OrderState.EXECUTING;
            order.attempt = 1;
            order.isolationPoint = "fw-acme";
            order.orderJson = write(message);
            order.createdAt = Instant.now();
            order.updatedAt = order.createdAt;
            orders.persist(order);
        });
        awaitState(message.orderId(), OrderState.APPLIED);

        assertEquals(List.of("fw-acme " + message.orderId()), calls());
        assertThat(
                history(message.orderId()).stream()
                        .map(e -> e.state + " " + e.detail)
                        .toList(),
                contains("EXECUTING resumed: the run of attempt 1 was interrupted", "APPLIED recorded on fw-acme"));
    }

    private void send(IsolationOrder order) {
        Messages.send(connections, json, IsolationOrder.ADDRESS, List.of(order));
    }

    private String write(IsolationOrder order) {
        try {
            return json.writeValueAsString(order);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<State> states(Subscription status, IsolationOrder order, int count) {
        return statuses(status, order, count).stream().map(OrderStatus::state).toList();
    }

    private static List<OrderStatus> statuses(Subscription status, IsolationOrder order, int count) {
        List<OrderStatus> seen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            seen.add(status.next(OrderStatus.class, s -> s.orderId().equals(order.orderId()), WAIT));
        }
        return seen;
    }

    private void awaitState(UUID id, OrderState expected) {
        Eventually.until(WAIT, "order " + id + " " + expected, () -> expected == state(id));
    }

    private OrderState state(UUID id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> orders.findByIdOptional(id).map(o -> o.state).orElse(null));
    }

    private List<OrderEvent> history(UUID id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> events.list("orderId", io.quarkus.panache.common.Sort.by("id"), id));
    }

    /** Each driver call as "device key [action]". */
    private List<String> calls() {
        return driver.calls().stream()
                .map(c -> c.device() + " " + c.call().idempotencyKey()
                        + (c.call().action() == null
                                ? ""
                                : " " + c.call().action().action()))
                .toList();
    }
}
