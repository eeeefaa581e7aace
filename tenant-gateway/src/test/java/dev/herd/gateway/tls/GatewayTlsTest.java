package dev.herd.gateway.tls;

import static dev.herd.gateway.GatewayFixtures.acmeGateway;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herd.agent.enrolment.AgentCredential;
import dev.herd.agent.enrolment.Enroller;
import dev.herd.agent.enrolment.EnrolmentException;
import dev.herd.agent.gateway.GatewayClient;
import dev.herd.agent.tls.GatewayTransport;
import dev.herd.agent.tls.PinnedCaFile;
import dev.herd.contracts.enrolment.EnrolmentTokenText;
import dev.herd.gateway.GatewayFixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.RestAssuredConfig;
import io.restassured.config.SSLConfig;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.security.KeyStore;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway over real HTTPS with plain HTTP not allowed: tokens carry its CA's fingerprint, the real agent enrols by
 * pinning that CA and is refused when the token pins another, and a malformed fingerprint is a clear 400.
 */
@QuarkusTest
@TestProfile(TlsProfile.class)
class GatewayTlsTest {

    @TestHTTPResource(value = "/", tls = true)
    URL https;

    @Inject
    GatewayFixtures fixtures;

    @BeforeEach
    void clean() {
        fixtures.reset();
    }

    @Test
    void tokensCarryTheCaFingerprintAndTheAgentEnrolsPinningIt() throws Exception {
        String fingerprint =
                Files.readString(TlsProfile.dir().resolve("ca.sha256")).strip();
        String token = overHttps()
                .auth()
                .oauth2(acmeGateway())
                .contentType("application/json")
                .body("{}")
                .post("/api/enrolment-tokens")
                .then()
                .statusCode(201)
                .body("caFingerprint", equalTo(fingerprint))
                .extract()
                .path("token");
        assertTrue(token.endsWith("." + fingerprint), token);

        GatewayTransport transport = GatewayTransport.forEnrolment(
                gateway(), EnrolmentTokenText.parse(token), Optional.empty(), false, line -> {});
        AgentCredential credential = new Enroller(
                        new GatewayClient(gateway(), Clock.systemUTC(), transport.client()), transport::pinnedCa)
                .enrol(token, "web-01", "mid-web-01");
        assertEquals("acme", credential.tenantId());
        assertEquals(
                PinnedCaFile.load(TlsProfile.dir().resolve("ca.pem")),
                transport.pinnedCa().orElseThrow());

        GatewayClient pinned = new GatewayClient(
                gateway(),
                Clock.systemUTC(),
                GatewayTransport.trusting(transport.pinnedCa().orElseThrow()).client());
        assertEquals(
                200,
                pinned.post("/agent/heartbeat", "{}".getBytes(), credential.credential())
                        .status());
    }

    @Test
    void aTokenPinningAnotherCaIsRefusedByTheAgentAndStaysUnused() throws Exception {
        String token = overHttps()
                .auth()
                .oauth2(acmeGateway())
                .contentType("application/json")
                .body("{}")
                .post("/api/enrolment-tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        String otherCa = token.substring(0, token.indexOf('.') + 1) + "ab".repeat(32);

        GatewayTransport transport = GatewayTransport.forEnrolment(
                gateway(), EnrolmentTokenText.parse(otherCa), Optional.empty(), false, line -> {});
        Enroller enroller =
                new Enroller(new GatewayClient(gateway(), Clock.systemUTC(), transport.client()), transport::pinnedCa);
        assertThrows(EnrolmentException.class, () -> enroller.enrol(otherCa, "web-02", "mid-web-02"));
        assertTrue(
                transport.refusal().orElseThrow().contains("does not hold the CA the enrolment token pins"),
                transport.refusal().toString());
        assertTrue(transport.pinnedCa().isEmpty());

        overHttps()
                .auth()
                .oauth2(acmeGateway())
                .get("/api/enrolment-tokens")
                .then()
                .statusCode(200)
                .body("[0].usedAt", nullValue());
    }

    @Test
    void aMalformedFingerprintInATokenIsA400() {
        overHttps()
                .contentType("application/json")
                .body("{\"token\":\"c2VjcmV0.not-a-fingerprint\",\"hostname\":\"h\",\"machineId\":\"m\"}")
                .post("/agent/enrol")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("enrolment-token-malformed"));
    }

    @Test
    void plainHttpIsNotServed() {
        assertThrows(
                java.io.IOException.class,
                () -> new URL("http://localhost:" + https.getPort() + "/q/health/ready")
                        .openStream()
                        .readAllBytes());
    }

    private URI gateway() {
        return URI.create("https://localhost:" + https.getPort());
    }

    private RequestSpecification overHttps() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", PinnedCaFile.load(TlsProfile.dir().resolve("ca.pem")));
            return given().baseUri("https://localhost")
                    .port(https.getPort())
                    .config(RestAssuredConfig.config()
                            .sslConfig(SSLConfig.sslConfig().trustStore(trust)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
