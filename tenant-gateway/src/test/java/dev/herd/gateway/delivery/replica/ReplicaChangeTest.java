package dev.herd.gateway.delivery.replica;

import static dev.herd.gateway.GatewayFixtures.acmeGateway;
import static dev.herd.gateway.GatewayFixtures.asAgent;
import static dev.herd.gateway.delivery.DeliveryFixtures.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herd.gateway.GatewayFixtures;
import dev.herd.gateway.GatewayFixtures.EnrolledAgent;
import dev.herd.gateway.delivery.DeliveryFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Gateway replicas wake each other's long-polls through PostgreSQL notifications: a change this replica commits is
 * announced on the channel, and a change another replica announces wakes the long-polls waiting here (not this
 * replica's own announcements, and not a notification that does not read).
 */
@QuarkusTest
class ReplicaChangeTest {

    @Inject
    GatewayFixtures fixtures;

    @Inject
    DeliveryFixtures delivery;

    @Inject
    ReplicaIdentity identity;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    private EnrolledAgent acme;

    @BeforeEach
    void enrol() {
        fixtures.reset();
        acme = GatewayFixtures.enrol(acmeGateway(), "web-01");
    }

    @Test
    void aStoredBundleIsAnnouncedToTheOtherReplicasOnCommit() throws Exception {
        try (Connection other = DriverManager.getConnection(url, user, password)) {
            try (Statement listen = other.createStatement()) {
                listen.execute("LISTEN " + ReplicaChangePublisher.CHANNEL);
            }
            delivery.publishBundle("acme", 1, "one");
            List<String> heard = new ArrayList<>();
            await("the bundle's announcement arrives", () -> {
                heard.addAll(payloads(other));
                return heard.contains(identity.id() + "|RULE_BUNDLE|acme");
            });
        }
    }

    @Test
    void anotherReplicasChangeWakesALongPollWaitingHere() throws Exception {
        delivery.publishBundle("acme", 1, "one");
        await("revision 1 stored", () -> fixtures.count("rule_bundle WHERE tenant_id = 'acme'") == 1);
        await(
                "listening",
                () -> given().get("/q/health/ready")
                        .path("checks.find { it.name == 'replica-changes' }.status")
                        .equals("UP"));
        long started = System.nanoTime();
        CompletableFuture<Response> poll = CompletableFuture.supplyAsync(
                () -> asAgent(acme).header("If-None-Match", "\"1\"").get("/agent/rule-bundle?wait=30"));
        Thread.sleep(1_000);
        assertFalse(poll.isDone(), "the long-poll waits while nothing changed");
        announce("not a change at all");
        announce(UUID.randomUUID() + "|NO_SUCH_KIND|acme");
        announce(UUID.randomUUID() + "|PATCH_PLANS|not-a-uuid");
        Thread.sleep(500);
        assertFalse(poll.isDone(), "notifications that do not read wake nobody");
        announce(UUID.randomUUID() + "|RULE_BUNDLE|acme");
        Response answer = poll.get();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(304, answer.statusCode(), "woken, read again: still revision 1 here");
        assertTrue(took.compareTo(Duration.ofSeconds(15)) < 0, "woken after " + took + ", not at the end of 30 s");
    }

    @Test
    void thisReplicasOwnAnnouncementDoesNotWakeItTwice() throws Exception {
        delivery.publishBundle("acme", 1, "one");
        await("revision 1 stored", () -> fixtures.count("rule_bundle WHERE tenant_id = 'acme'") == 1);
        long started = System.nanoTime();
        CompletableFuture<Response> poll = CompletableFuture.supplyAsync(
                () -> asAgent(acme).header("If-None-Match", "\"1\"").get("/agent/rule-bundle?wait=3"));
        Thread.sleep(500);
        announce(identity.id() + "|RULE_BUNDLE|acme");
        Response answer = poll.get();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(304, answer.statusCode());
        assertTrue(
                took.compareTo(Duration.ofMillis(2_900)) > 0, "answered after " + took + ": woken by its own change");
    }

    @Test
    void readinessNamesTheListener() {
        await(
                "listening",
                () -> "UP"
                        .equals(given().get("/q/health/ready")
                                .path("checks.find { it.name == 'replica-changes' }.status")));
        given().get("/q/health/ready")
                .then()
                .body("checks.find { it.name == 'replica-changes' }.data.state", equalTo("listening"));
    }

    @Test
    void aPayloadReadsOnlyWhenWhole() {
        UUID replica = UUID.randomUUID();
        assertEquals(
                new ReplicaChange(replica, ReplicaChange.Kind.RULE_BUNDLE, "acme|x"),
                ReplicaChange.parse(replica + "|RULE_BUNDLE|acme|x").orElseThrow());
        for (String bad : new String[] {
            null, "", "x|y", replica + "|RULE_BUNDLE|", "nope|RULE_BUNDLE|acme", replica + "|rule_bundle|acme"
        }) {
            assertTrue(ReplicaChange.parse(bad).isEmpty(), "read: " + bad);
        }
    }

    private void announce(String payload) throws SQLException {
        try (Connection other = DriverManager.getConnection(url, user, password);
                PreparedStatement notify = other.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, ReplicaChangePublisher.CHANNEL);
            notify.setString(2, payload);
            notify.execute();
        }
    }

    private static List<String> payloads(Connection connection) {
        try {
            PGNotification[] batch = connection.unwrap(PGConnection.class).getNotifications(200);
            List<String> payloads = new ArrayList<>();
            if (batch != null) {
                for (PGNotification notification : batch) {
                    payloads.add(notification.getParameter());
                }
            }
            return payloads;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
