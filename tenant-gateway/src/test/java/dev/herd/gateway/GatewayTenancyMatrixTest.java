package dev.herd.gateway;

import static dev.herd.gateway.GatewayFixtures.acmeGateway;
import static dev.herd.gateway.GatewayFixtures.enrol;
import static dev.herd.gateway.GatewayFixtures.globexGateway;
import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.herd.contracts.isolation.IsolationOrder;
import dev.herd.contracts.isolation.IsolationOrder.Kind;
import dev.herd.contracts.isolation.IsolationOrder.Mode;
import dev.herd.contracts.isolation.IsolationOrder.Target;
import dev.herd.gateway.GatewayFixtures.EnrolledAgent;
import dev.herd.gateway.device.DeviceCall;
import dev.herd.testing.EmbeddedArtemisResource;
import dev.herd.testing.tenancy.AgentCaller;
import dev.herd.testing.tenancy.Operation;
import dev.herd.testing.tenancy.TenancyMatrixSuite;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tenancy matrix against the gateway's API. Acme has two enrolled agents (the agent operations are called as
 * the first, and with the second's id) and globex one; every admission or equipment violation a request names is a
 * fresh one of acme's, so that no answer depends on the calls before it.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class GatewayTenancyMatrixTest extends TenancyMatrixSuite {

    private static final AtomicInteger MACHINES = new AtomicInteger();

    @Inject
    GatewayFixtures fixtures;

    @Inject
    ObjectMapper json;

    private EnrolledAgent agent;
    private EnrolledAgent otherAgent;
    private UUID lastOrder;

    @Override
    protected void prepare() {
        fixtures.reset();
        agent = enrol(acmeGateway(), "web-01");
        otherAgent = enrol(acmeGateway(), "web-02");
        enrol(globexGateway(), "mail-01");
        // acme data in every list, for the other tenant's answers to leak if they did
        admission();
        violation();
    }

    @Override
    protected AgentCaller.Agents agents() {
        return new AgentCaller.Agents(agent.credential(), otherAgent.id().toString(), "/agent/heartbeat");
    }

    @Override
    protected String pathValue(Operation operation, String name, JsonNode schema) {
        String template = operation.template();
        if (template.startsWith("/api/agents/")) {
            return agent.id().toString();
        }
        if (template.startsWith("/api/admissions/")) {
            return admission();
        }
        if (template.startsWith("/api/equipment-violations/")) {
            return violation();
        }
        return super.pathValue(operation, name, schema);
    }

    @Override
    protected JsonNode body(Operation operation, JsonNode sample) {
        return switch (operation.key()) {
            case "POST /api/admissions" -> machine();
            case "PUT /api/tenants/{tenant}/allowed-equipment" ->
                JsonNodeFactory.instance
                        .objectNode()
                        .put("tenantId", TENANT)
                        .set("entries", JsonNodeFactory.instance.arrayNode());
            case "POST /api/device/orders" -> deviceCall();
            case "POST /agent/reports" -> parse(MachineReports.full(1));
            case "POST /agent/flows" ->
                parse("[{\"time\":\"2026-01-31T12:00:00Z\",\"source\":\"192.0.2.10\","
                        + "\"destination\":\"198.51.100.7\",\"protocol\":\"tcp\",\"port\":443,\"bytes\":1500}]");
            default -> super.body(operation, sample);
        };
    }

    /** The device call's key: the id of the order {@link #deviceCall} made last. */
    @Override
    protected Map<String, String> headers(Operation operation) {
        return operation.key().equals("POST /api/device/orders")
                ? Map.of("Idempotency-Key", lastOrder.toString())
                : Map.of();
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new machine of acme's at admission, a fresh address each time. */
    private static JsonNode machine() {
        int n = MACHINES.incrementAndGet();
        return JsonNodeFactory.instance
                .objectNode()
                .put("tenantId", TENANT)
                .put("mac", String.format("52:54:00:00:%02x:%02x", n / 256, n % 256))
                .put("ip", "10.20." + (n / 250) + "." + (n % 250 + 1))
                .put("hostname", "host-" + n);
    }

    /** A fresh admission of acme's. */
    private String admission() {
        return given().auth()
                .oauth2(acmeGateway())
                .contentType("application/json")
                .body(machine().toString())
                .post("/api/admissions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A fresh open equipment violation of acme's first agent. */
    private String violation() {
        UUID id = UUID.randomUUID();
        fixtures.execute("INSERT INTO equipment_violation (id, tenant_id, agent_id, hostname, report_sequence, kind,"
                + " item, mac, ip, segment, status, detected_at) VALUES ('" + id + "', '" + TENANT + "', '" + agent.id()
                + "', 'web-01', 1, 'USB_MASS_STORAGE', 'usb 1234:5678', '52:54:00:aa:bb:01', '10.0.0.7', 'quarantine',"
                + " 'OPEN', now())");
        return id.toString();
    }

    /** The broker's call to isolate one machine of acme's, a new order each time. */
    private JsonNode deviceCall() {
        IsolationOrder order = new IsolationOrder(
                UUID.randomUUID(),
                TENANT,
                Kind.ISOLATE,
                Mode.COMPLETE,
                "gateway",
                "lan",
                List.of(new Target(UUID.randomUUID(), "web-01", List.of("10.20.0.11"))),
                null,
                null,
                List.of(),
                List.of("owner@acme.example"),
                "tenancy matrix",
                Instant.now());
        lastOrder = order.orderId();
        return json.valueToTree(new DeviceCall(order.orderId().toString(), order, null, null));
    }
}
