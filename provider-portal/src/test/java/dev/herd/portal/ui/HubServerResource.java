package dev.herd.portal.ui;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * The real advisory hub for the admin pages' tests: its packaged jar ({@code advisory-hub/target/quarkus-app}, built
 * before the portal in the reactor) started on a free port against the test PostgreSQL (schema {@code hub}) and the
 * test Keycloak, with an embedded Artemis broker of its own that {@link #brokerUrl()} names, so a test can send it a
 * damage report. The portal's rest client {@code hub} is pointed at it.
 */
public class HubServerResource implements QuarkusTestResourceLifecycleManager {

    private static final Path JAR = Path.of("..", "advisory-hub", "target", "quarkus-app", "quarkus-run.jar");

    private static volatile String brokerUrl;

    private EmbeddedActiveMQ broker;
    private Process hub;
    private Path log;

    /** The URL of the hub's broker, for sending it messages. */
    public static String brokerUrl() {
        return brokerUrl;
    }

    @Override
    public Map<String, String> start() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("The advisory hub is not packaged: " + JAR.toAbsolutePath()
                    + " is missing (build advisory-hub first, e.g. ./mvnw -o -q install -DskipTests).");
        }
        int brokerPort = freePort();
        int httpPort = freePort();
        try {
            broker = new EmbeddedActiveMQ()
                    .setConfiguration(new ConfigurationImpl()
                            .setName("herd-test-hub-broker")
                            .setPersistenceEnabled(false)
                            .setSecurityEnabled(false)
                            .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + brokerPort));
            broker.start();
            brokerUrl = "tcp://127.0.0.1:" + brokerPort;
            log = Files.createTempFile("herd-test-hub", ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    "-Dquarkus.http.port=" + httpPort,
                    "-Dquarkus.datasource.jdbc.url="
                            + env("HERD_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:15432/herd_test"),
                    "-Dquarkus.datasource.username=" + env("HERD_TEST_DB_USER", "herd"),
                    "-Dquarkus.datasource.password=" + env("HERD_TEST_DB_PASSWORD", "herd"),
                    "-Dquarkus.oidc.auth-server-url=" + env("HERD_TEST_OIDC_URL", "http://localhost:8180/realms/herd"),
                    "-Dquarkus.artemis.url=" + brokerUrl,
                    "-jar",
                    JAR.toAbsolutePath().toString()));
            hub = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            awaitLive(httpPort);
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("Could not start the advisory hub for the test (log: " + log + ")", e);
        }
        return Map.of("quarkus.rest-client.hub.url", "http://127.0.0.1:" + httpPort);
    }

    private void awaitLive(int port) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest live = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!hub.isAlive()) {
                throw new IllegalStateException(
                        "the hub exited with " + hub.exitValue() + ": " + Files.readString(log));
            }
            try {
                if (http.send(live, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the hub was not ready within 180 s");
    }

    @Override
    public void stop() {
        if (hub != null) {
            hub.destroy();
            try {
                hub.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (broker != null) {
            try {
                broker.stop();
            } catch (Exception e) {
                throw new IllegalStateException("Could not stop the hub's Artemis broker", e);
            }
        }
        brokerUrl = null;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
