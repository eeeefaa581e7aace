package dev.herd.gateway.report;

import static dev.herd.gateway.GatewayFixtures.acmeGateway;
import static dev.herd.gateway.GatewayFixtures.asAgent;
import static dev.herd.gateway.GatewayFixtures.enrol;
import static dev.herd.gateway.GatewayFixtures.globexGateway;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herd.contracts.evidence.MachineEvidence;
import dev.herd.gateway.GatewayFixtures;
import dev.herd.gateway.GatewayFixtures.EnrolledAgent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Report intake: in sequence, idempotent, size-limited, for the agent's own tenant only; refusals store nothing. */
@QuarkusTest
class ReportIntakeTest {

    /** The outbox rows of inventories; a report with hardware also puts its equipment on the evidence address. */
    private static final String INVENTORIES = "outbox_message WHERE address <> '" + MachineEvidence.ADDRESS + "'";

    private static final String EVIDENCE = "outbox_message WHERE address = '" + MachineEvidence.ADDRESS + "'";

    @Inject
    GatewayFixtures fixtures;

    private EnrolledAgent agent;

    @BeforeEach
    void enrolOne() {
        fixtures.reset();
        agent = enrol(acmeGateway(), "web-01");
    }

    @Test
    void aFullThenADeltaAreStoredInOrder() {
        post(Reports.full(1)).statusCode(200).body("status", equalTo("accepted"));
        post(Reports.delta(2)).statusCode(200).body("status", equalTo("accepted"));
        assertEquals(2, fixtures.count("machine_report"));
        assertEquals(2, fixtures.count(INVENTORIES));
        assertEquals(1, fixtures.count(EVIDENCE), "the full report's hardware; the delta carries none");
        assertEquals(1, fixtures.count("machine_report WHERE kind = 'FULL' AND sequence = 1"));
        assertEquals(1, fixtures.count("machine_report WHERE body::jsonb -> 'report' -> 'hardware' IS NOT NULL"));
        given().auth()
                .oauth2(acmeGateway())
                .get("/api/agents/" + agent.id())
                .then()
                .statusCode(200)
                .body("lastReportSequence", equalTo(2));
    }

    @Test
    void theTenantIsTheAgentsOwnNeverTheBodys() {
        post(Reports.full(1)).statusCode(200);
        assertEquals(1, fixtures.count("machine_report WHERE tenant_id = 'acme'"));
        assertEquals(0, fixtures.count("machine_report WHERE tenant_id = 'globex'"));
        given().auth()
                .oauth2(globexGateway())
                .get("/api/agents/" + agent.id())
                .then()
                .statusCode(404);
    }

    @Test
    void aDuplicateSequenceIsAcknowledgedWithoutStoring() {
        post(Reports.full(1)).statusCode(200).body("status", equalTo("accepted"));
        post(Reports.full(1)).statusCode(200).body("status", equalTo("duplicate"));
        assertEquals(1, fixtures.count("machine_report"));
        assertEquals(1, fixtures.count(INVENTORIES));
        assertEquals(1, fixtures.count(EVIDENCE));
    }

    @Test
    void aGapIsAConflictNamingTheExpectedSequence() {
        post(Reports.full(1)).statusCode(200);
        post(Reports.delta(3))
                .statusCode(409)
                .body("code", equalTo("sequence-gap"))
                .contentType("application/problem+json")
                .body("detail", containsString("Expected report sequence 2"))
                .body("expectedSequence", equalTo(2));
        assertEquals(1, fixtures.count("machine_report"));
        assertEquals(1, fixtures.count("agent WHERE last_report_sequence = 1"));
    }

    @Test
    void theHeartbeatNamesTheLastStoredSequenceSoALostSequenceFileCanResume() {
        post(Reports.full(1)).statusCode(200);
        post(Reports.delta(2)).statusCode(200);
        asAgent(agent).post("/agent/heartbeat").then().statusCode(200).body("lastReportSequence", equalTo(2));
        post(Reports.delta(3)).statusCode(200).body("status", equalTo("accepted"));
    }

    @Test
    void theFirstReportMustBeFull() {
        post(Reports.delta(1)).statusCode(409).body("code", equalTo("full-report-required"));
        assertEquals(0, fixtures.count("machine_report"));
        assertEquals(0, fixtures.count("outbox_message"));
    }

    @Test
    void anOversizeReportIs413() {
        String padding = "x".repeat(300_000);
        post(Reports.full(1).replace("\"collectedAt\"", "\"padding\": \"" + padding + "\", \"collectedAt\""))
                .statusCode(413)
                .contentType("application/problem+json")
                .body("code", equalTo("report-too-large"));
        assertEquals(0, fixtures.count("machine_report"));
    }

    @Test
    void malformedJsonIs400() {
        post("{\"sequence\": 1, \"kind\": \"FULL\", \"report\": {")
                .statusCode(400)
                .body("code", equalTo("malformed-json"));
        post("{\"sequence\": \"one\"}").statusCode(400).body("code", equalTo("malformed-json"));
        post(" [{\"sequence\": 1}]").statusCode(400).body("code", equalTo("malformed-json"));
        post("null").statusCode(400).body("code", equalTo("malformed-json"));
        post("").statusCode(400).body("code", equalTo("body-empty"));
        assertEquals(0, fixtures.count("machine_report"));
        assertEquals(0, fixtures.count("agent_nonce"));
    }

    @Test
    void missingFieldsAre400() {
        post("{\"kind\": \"FULL\", \"report\": {\"os\": {\"id\": \"debian\"}}}")
                .statusCode(400)
                .body("code", equalTo("report-invalid"))
                .body(
                        "errors.field",
                        org.hamcrest.Matchers.hasItems("sequence", "report.os.architecture", "report.packages"));
        assertEquals(0, fixtures.count("machine_report"));
    }

    @Test
    void aForgedCredentialStoresNothing() {
        asAgent(agent.id() + ":forged", java.util.UUID.randomUUID().toString())
                .contentType("application/json")
                .body(Reports.full(1))
                .post("/agent/reports")
                .then()
                .statusCode(401)
                .body("code", equalTo("credential-invalid"));
        assertEquals(0, fixtures.count("machine_report"));
        assertEquals(0, fixtures.count("outbox_message"));
    }

    private ValidatableResponse post(String body) {
        return asAgent(agent)
                .contentType("application/json")
                .body(body)
                .post("/agent/reports")
                .then();
    }
}
