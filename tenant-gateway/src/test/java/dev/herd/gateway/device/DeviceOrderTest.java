package dev.herd.gateway.device;

import static dev.herd.gateway.device.TestOrders.broker;
import static dev.herd.gateway.device.TestOrders.isolate;
import static dev.herd.gateway.device.TestOrders.json;
import static dev.herd.gateway.device.TestOrders.machine;
import static dev.herd.gateway.device.TestOrders.post;
import static dev.herd.gateway.device.TestOrders.unisolate;
import static dev.herd.gateway.device.TestOrders.whole;
import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herd.contracts.isolation.IsolationOrder;
import dev.herd.contracts.isolation.IsolationOrder.Mode;
import dev.herd.contracts.isolation.IsolationOrder.PlaybookStep;
import dev.herd.contracts.isolation.IsolationOrder.Target;
import dev.herd.gateway.GatewayFixtures;
import dev.herd.gateway.isolation.IsolatingDevice;
import dev.herd.gateway.isolation.Isolation;
import dev.herd.gateway.isolation.Machine;
import dev.herd.gateway.isolation.NftCheck;
import dev.herd.gateway.isolation.NftablesIsolationRuleset;
import dev.herd.gateway.isolation.RecordingDevice;
import dev.herd.gateway.isolation.StringMatchIsolationRuleset;
import dev.herd.gateway.isolation.SuricataRules;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The recovery broker's device endpoint: the three isolation modes on the (recording) device with rules the real
 * nft -c accepts, one application per key, lifts, bad input, who may call, and replay after a restart.
 */
@QuarkusTest
class DeviceOrderTest {

    private static final Target WEB = machine("web-07", "10.20.0.5", "2001:db8::5");
    private static final Target DB = machine("db-01", "10.20.0.6");

    @Inject
    GatewayFixtures fixtures;

    @Inject
    IsolatingDevice device;

    @Inject
    IsolationRestorer restorer;

    RecordingDevice recorded;

    @BeforeEach
    void clean() {
        fixtures.execute("DELETE FROM device_order");
        recorded = (RecordingDevice) device;
        recorded.clear();
    }

    @Test
    void completeIsolationIsAppliedOnceAndItsRulesPassNft() {
        IsolationOrder order = isolate(Mode.COMPLETE, null, null, WEB, DB);
        String detail = post(broker(), whole(order))
                .statusCode(200)
                .body("confirmed", equalTo(false))
                .body("detail", containsString("isolated 10.20.0.5, 2001:db8:0:0:0:0:0:5, 10.20.0.6 (COMPLETE"))
                .extract()
                .path("detail");
        post(broker(), whole(order)).statusCode(200).body("detail", equalTo(detail));

        assertEquals(1, recorded.orderCalls().size(), "the same key applies once: " + recorded.orderCalls());
        Isolation held = recorded.isolations().getFirst();
        assertEquals(order.orderId(), held.orderId());
        assertEquals(Mode.COMPLETE, held.mode());
        assertEquals(
                List.of(Machine.of(null, "10.20.0.5"), Machine.of(null, "2001:db8::5"), Machine.of(null, "10.20.0.6")),
                held.machines());
        assertEquals(1, fixtures.count("device_order"));
        String ruleset = NftablesIsolationRuleset.render(recorded.isolations());
        assertTrue(ruleset.contains("ip saddr { 10.20.0.5, 10.20.0.6 } drop"), ruleset);
        NftCheck.requireAccepted(ruleset);
    }

    @Test
    void rateLimitIsolationUsesTheOrdersRate() {
        post(broker(), whole(isolate(Mode.RATE_LIMIT, 250, null, DB)))
                .statusCode(200)
                .body("detail", containsString("traffic over 250/second dropped"));
        assertEquals(250, recorded.isolations().getFirst().ratePerSecond());
        String ruleset = NftablesIsolationRuleset.render(recorded.isolations());
        assertTrue(ruleset.contains("ip daddr { 10.20.0.6 } limit rate over 250/second drop"), ruleset);
        NftCheck.requireAccepted(ruleset);
    }

    @Test
    void dropSignatureIsolationBecomesStringMatchesOnTheMachinesTraffic() {
        IsolationOrder order = isolate(Mode.DROP_SIGNATURE, null, "ET EXPLOIT Log4j ${jndi:", WEB);
        post(broker(), whole(order)).statusCode(200).body("detail", containsString("DROP_SIGNATURE"));
        Isolation held = recorded.isolations().getFirst();
        assertEquals("ET EXPLOIT Log4j ${jndi:", held.signature());
        String strings = StringMatchIsolationRuleset.render(recorded.isolations(), true, false);
        assertTrue(strings.contains("-A HERD-ISOLATION -s 2001:db8:0:0:0:0:0:5 -m string --hex-string"), strings);
        NftCheck.requireAccepted(NftablesIsolationRuleset.render(recorded.isolations()));
        assertTrue(
                SuricataRules.rule(held).contains("content:\"ET EXPLOIT Log4j ${jndi:\"; sid:"),
                SuricataRules.rule(held));
    }

    @Test
    void unisolateLiftsEveryIsolationOfItsMachinesAndASecondChangesNothing() {
        IsolationOrder both = isolate(Mode.COMPLETE, null, null, WEB, DB);
        IsolationOrder slow = isolate(Mode.RATE_LIMIT, 100, null, WEB);
        post(broker(), whole(both)).statusCode(200);
        post(broker(), whole(slow)).statusCode(200);

        post(broker(), whole(unisolate(WEB)))
                .statusCode(200)
                .body("detail", containsString("lifted the isolation of 10.20.0.5, 2001:db8:0:0:0:0:0:5"))
                .body("detail", containsString(slow.orderId().toString()));
        List<Isolation> left = recorded.isolations();
        assertEquals(1, left.size(), left.toString());
        assertEquals(both.orderId(), left.getFirst().orderId());
        assertEquals(List.of(Machine.of(null, "10.20.0.6")), left.getFirst().machines());

        post(broker(), whole(unisolate(WEB))).statusCode(200).body("detail", containsString("nothing to lift"));
        assertEquals(left, recorded.isolations());
    }

    @Test
    void badInputIsA400AndTouchesNothing() {
        IsolationOrder order = isolate(Mode.COMPLETE, null, null, WEB);
        post(broker(), null, json(whole(order))).statusCode(400).body("code", equalTo("idempotency-key-missing"));
        post(broker(), "another-key", json(whole(order)))
                .statusCode(400)
                .body("code", equalTo("idempotency-key-mismatch"));
        DeviceCall wrongKey = new DeviceCall("not-the-order-id", order, null, null);
        post(broker(), wrongKey).statusCode(400).body("errors.code", hasItem("idempotency-key-invalid"));
        post(broker(), whole(isolate(Mode.RATE_LIMIT, null, null, WEB)))
                .statusCode(400)
                .body("code", equalTo("device-call-invalid"))
                .body("errors.field", hasItem("order.rateLimitPerSecond"));
        post(broker(), whole(isolate(Mode.RATE_LIMIT, 0, null, WEB)))
                .statusCode(400)
                .body("errors.field", hasItem("order.rateLimitPerSecond"));
        post(broker(), whole(isolate(Mode.DROP_SIGNATURE, null, " ", WEB)))
                .statusCode(400)
                .body("errors.field", hasItem("order.signature"));
        post(broker(), whole(isolate(Mode.COMPLETE, null, null)))
                .statusCode(400)
                .body("errors.field", hasItem("order.machines"));
        post(broker(), whole(isolate(Mode.COMPLETE, null, null, machine("no-address"))))
                .statusCode(400)
                .body("errors.field", hasItem("order.machines[0].addresses"));
        post(broker(), whole(isolate(Mode.COMPLETE, null, null, machine("bad", "10.0.0.5; flush ruleset"))))
                .statusCode(400)
                .body("errors.code", hasItem("ip-invalid"));
        post(broker(), whole(TestOrders.recover(List.of(new PlaybookStep("RESTART_SERVICE", "nginx")), WEB)))
                .statusCode(400)
                .body("errors.field", hasItem("step"));

        ObjectNode unknownKind = json(whole(order));
        ((ObjectNode) unknownKind.get("order")).put("kind", "SHUTDOWN");
        post(broker(), order.orderId().toString(), unknownKind).statusCode(400).body("code", equalTo("malformed-json"));
        ObjectNode unknownMode = json(whole(order));
        ((ObjectNode) unknownMode.get("order")).put("mode", "EVERYTHING");
        post(broker(), order.orderId().toString(), unknownMode).statusCode(400).body("code", equalTo("malformed-json"));
        given().auth()
                .oauth2(broker())
                .contentType("application/json")
                .header("Idempotency-Key", "k")
                .body("{\"idempotencyKey\":")
                .post("/api/device/orders")
                .then()
                .statusCode(400);

        assertEquals(List.of(), recorded.orderCalls());
        assertEquals(0, fixtures.count("device_order"));
    }

    @Test
    void aKeyUsedForAnotherKindOfOrderIsAConflict() {
        IsolationOrder order = isolate(Mode.COMPLETE, null, null, WEB);
        post(broker(), whole(order)).statusCode(200);
        IsolationOrder sameId = new IsolationOrder(
                order.orderId(),
                order.tenantId(),
                IsolationOrder.Kind.UNISOLATE,
                null,
                "gateway",
                null,
                order.machines(),
                null,
                null,
                null,
                null,
                null,
                null);
        post(broker(), whole(sameId)).statusCode(409).body("code", equalTo("idempotency-key-reused"));
        assertEquals(1, recorded.isolations().size());
    }

    @Test
    void onlyTheBrokerAndMsspAdminsMayCall() {
        IsolationOrder order = isolate(Mode.COMPLETE, null, null, DB);
        post(user("acme-admin"), whole(order)).statusCode(403);
        post(GatewayFixtures.acmeGateway(), whole(order)).statusCode(403);
        post(user("herd-analyst"), whole(order)).statusCode(403);
        given().contentType("application/json")
                .header("Idempotency-Key", order.orderId().toString())
                .body(json(whole(order)).toString())
                .post("/api/device/orders")
                .then()
                .statusCode(401);
        assertEquals(List.of(), recorded.orderCalls());

        post(user("herd-admin"), whole(order)).statusCode(200);
        assertEquals(1, recorded.isolations().size());
    }

    @Test
    void isolationsAreAppliedAgainAfterARestart() {
        IsolationOrder both = isolate(Mode.COMPLETE, null, null, WEB, DB);
        post(broker(), whole(both)).statusCode(200);
        post(broker(), whole(isolate(Mode.DROP_SIGNATURE, null, "evil", DB))).statusCode(200);
        post(broker(), whole(unisolate(DB))).statusCode(200);
        List<Isolation> before = recorded.isolations();
        recorded.clear();

        assertEquals(0, restorer.restore());
        assertEquals(before, recorded.isolations());
    }
}
