package dev.herd.recovery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.isolation.IsolationOrder;
import dev.herd.contracts.isolation.OrderStatus;
import dev.herd.recovery.support.Eventually;
import dev.herd.recovery.support.TestOrders;
import dev.herd.testing.KeycloakTokens;
import dev.herd.testing.Messages;
import dev.herd.testing.Subscription;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 6 item 3: the packaged recovery broker is killed in the middle of an order (its device call hangs); after a
 * restart the order completes, once. Runs target/quarkus-app/quarkus-run.jar as a separate JVM against the test
 * database, Keycloak and an Artemis broker embedded here.
 */
class RecoveryBrokerKillIT {

    private static final Path APP = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private EmbeddedActiveMQ artemis;
    private int artemisPort;
    private BlockingDevice device;
    private Process broker;
    private int httpPort;
    private ActiveMQConnectionFactory connections;

    @BeforeEach
    void startArtemisAndDevice() throws Exception {
        assertTrue(Files.isReadable(APP), APP + " is missing: package the module first (./mvnw verify does)");
        artemisPort = freePort();
        artemis = new EmbeddedActiveMQ()
                .setConfiguration(new ConfigurationImpl()
                        .setName("herd-kill-it")
                        .setPersistenceEnabled(false)
                        .setSecurityEnabled(false)
                        .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + artemisPort));
        artemis.start();
        connections = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + artemisPort);
        device = new BlockingDevice();
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (broker != null) {
            broker.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (device != null) {
            device.close();
        }
        if (connections != null) {
            connections.close();
        }
        if (artemis != null) {
            artemis.stop();
        }
    }

    @Test
    void anOrderInterruptedByAKilledBrokerCompletesOnceAfterRestart() throws Exception {
        IsolationOrder order = TestOrders.isolate("acme", "gw-kill", "alice@acme.example");
        String id = order.orderId().toString();
        List<OrderStatus> seen = new ArrayList<>();
        try (Subscription status = Subscription.to(connections, json, OrderStatus.ADDRESS)) {
            broker = startBroker(1);
            Messages.send(connections, json, IsolationOrder.ADDRESS, List.of(order));

            assertTrue(device.awaitFirstCall(WAIT.toSeconds()), "the device was never called");
            broker.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            device.releaseFirstCall();
            assertEquals("EXECUTING", stateInDatabase(id), "the killed broker left the order mid-execution");

            broker = startBroker(2);
            Eventually.until(
                    WAIT, "order " + id + " APPLIED after the restart", () -> "APPLIED".equals(stateInDatabase(id)));
            given().baseUri(baseUrl())
                    .auth()
                    .oauth2(KeycloakTokens.user("herd-admin"))
                    .post("/api/orders/" + id + "/confirm")
                    .then()
                    .statusCode(200)
                    .body("state", equalTo("CONFIRMED"));

            seen.add(status.next(
                    OrderStatus.class,
                    s -> s.orderId().equals(order.orderId()) && s.state() == OrderStatus.State.CONFIRMED,
                    WAIT));
            status.none(
                    OrderStatus.class,
                    s -> s.orderId().equals(order.orderId()) && s.state() == OrderStatus.State.CONFIRMED,
                    Duration.ofSeconds(3));
        }
        assertEquals(1, seen.size());
        // Called twice (before the kill and after the restart), with the same key; the effect happened once.
        assertEquals(List.of(id, id), device.keys());
        assertEquals(java.util.Set.of(id), device.applied());
        given().baseUri(baseUrl())
                .auth()
                .oauth2(KeycloakTokens.user("herd-admin"))
                .get("/api/orders/" + id)
                .then()
                .statusCode(200)
                .body("attempt", equalTo(1))
                .body("history.state", equalTo(List.of("RECEIVED", "EXECUTING", "EXECUTING", "APPLIED", "CONFIRMED")))
                .body("history[2].detail", equalTo("resumed: the run of attempt 1 was interrupted"));
    }

    private Process startBroker(int run) throws Exception {
        httpPort = freePort();
        Map<String, String> properties = Map.of(
                "quarkus.http.port", String.valueOf(httpPort),
                "quarkus.artemis.url", "tcp://127.0.0.1:" + artemisPort,
                "quarkus.datasource.jdbc.url", databaseUrl(),
                "quarkus.datasource.username", databaseUser(),
                "quarkus.datasource.password", databasePassword(),
                "quarkus.oidc.auth-server-url", KeycloakTokens.realmUrl(),
                "herd.recovery.devices.gw-kill.driver", "webhook",
                "herd.recovery.devices.gw-kill.url", device.url(),
                // Long enough that the hanging first call is still waiting when the test kills the broker.
                "herd.recovery.webhook.timeout", "120s");
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--sun-misc-unsafe-memory-access=allow",
                "--enable-native-access=ALL-UNNAMED"));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", APP.toString()));
        Path log = Path.of("target", "kill-it", "broker-" + run + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        awaitReady(process, log);
        return process;
    }

    // Ready = database and broker connected; then also wait for the order subscription to exist on the address.
    private void awaitReady(Process process, Path log) {
        HttpClient http = HttpClient.newHttpClient();
        Eventually.until(WAIT, "the broker is ready (see " + log + ")", () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the broker exited with " + process.exitValue() + "; see " + log);
            }
            try {
                return http.send(
                                        HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        Eventually.until(WAIT, "the broker subscribed to " + IsolationOrder.ADDRESS, () -> {
            try {
                return !artemis.getActiveMQServer()
                        .bindingQuery(SimpleString.of(IsolationOrder.ADDRESS))
                        .getQueueNames()
                        .isEmpty();
            } catch (Exception e) {
                return false;
            }
        });
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    private static String stateInDatabase(String id) {
        try (Connection db = DriverManager.getConnection(databaseUrl(), databaseUser(), databasePassword());
                PreparedStatement query =
                        db.prepareStatement("SELECT state FROM recovery.recovery_order WHERE id = ?::uuid")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String databaseUrl() {
        return env("HERD_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:15432/herd_test");
    }

    private static String databaseUser() {
        return env("HERD_TEST_DB_USER", "herd");
    }

    private static String databasePassword() {
        return env("HERD_TEST_DB_PASSWORD", "herd");
    }

    private static String env(String name, String fallback) {
        return Objects.requireNonNullElse(System.getenv(name), fallback);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
