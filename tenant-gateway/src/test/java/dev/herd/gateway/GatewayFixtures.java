package dev.herd.gateway;

import static io.restassured.RestAssured.given;

import dev.herd.testing.KeycloakTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;

/** Test helpers: a clean gateway schema, row counts, enrolment through the API and signed agent requests. */
@ApplicationScoped
public class GatewayFixtures {

    /** An enrolled agent: its id and the {@code ID:SECRET} credential it got. */
    public record EnrolledAgent(UUID id, String credential) {}

    private final EntityManager entities;

    public GatewayFixtures(EntityManager entities) {
        this.entities = entities;
    }

    public void reset() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : new String[] {
                "recovery_task",
                "known_bad_hash",
                "known_bad_hash_withdrawn",
                "equipment_violation",
                "machine_hardware",
                "allowed_equipment",
                "admission",
                "consumed_message",
                "dead_letter",
                "apply_outcome",
                "patch_plan",
                "rule_bundle_delta",
                "rule_bundle",
                "machine_report",
                "agent_nonce",
                "outbox_message",
                "enrolment_token",
                "agent"
            }) {
                entities.createNativeQuery("DELETE FROM " + table).executeUpdate();
            }
        });
    }

    public long count(String table) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entities.createNativeQuery("SELECT count(*) FROM " + table)
                                .getSingleResult())
                        .longValue());
    }

    /** The single text value {@code sql} selects. */
    public String text(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> (String) entities.createNativeQuery(sql).getSingleResult());
    }

    public void execute(String sql) {
        QuarkusTransaction.requiringNew()
                .run(() -> entities.createNativeQuery(sql).executeUpdate());
    }

    public static String acmeGateway() {
        return KeycloakTokens.client("gateway-acme", "gateway-acme-secret");
    }

    public static String globexGateway() {
        return KeycloakTokens.client("gateway-globex", "gateway-globex-secret");
    }

    /** A new enrolment token issued by the given bearer for its own tenant. */
    public static String issueToken(String bearer) {
        return given().auth()
                .oauth2(bearer)
                .contentType("application/json")
                .body("{}")
                .post("/api/enrolment-tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
    }

    /** Enrols a machine with a fresh token of the given bearer's tenant. */
    public static EnrolledAgent enrol(String bearer, String hostname) {
        var response = given().contentType("application/json")
                .body("{\"token\":\"" + issueToken(bearer) + "\",\"hostname\":\"" + hostname + "\",\"machineId\":\"mid-"
                        + hostname + "\"}")
                .post("/agent/enrol")
                .then()
                .statusCode(201)
                .extract();
        return new EnrolledAgent(UUID.fromString(response.path("agentId")), response.path("credential"));
    }

    /** A request signed as the agent: credential, current timestamp and a fresh nonce. */
    public static RequestSpecification asAgent(EnrolledAgent agent) {
        return asAgent(agent.credential(), UUID.randomUUID().toString());
    }

    public static RequestSpecification asAgent(String credential, String nonce) {
        return given().header("Authorization", "Agent " + credential)
                .header("X-Herd-Timestamp", Long.toString(Instant.now().getEpochSecond()))
                .header("X-Herd-Nonce", nonce);
    }
}
