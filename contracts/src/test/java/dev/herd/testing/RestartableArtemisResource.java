package dev.herd.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * An embedded Artemis broker with a persistent journal in a temporary folder, which a test can stop and start again on
 * the same port; messages, duplicate ids and durable subscriptions survive the restart.
 */
public class RestartableArtemisResource implements QuarkusTestResourceLifecycleManager {

    private static volatile RestartableArtemisResource current;

    private int port;
    private Path dataDirectory;
    private EmbeddedActiveMQ broker;

    /** The broker of the running test profile. */
    public static RestartableArtemisResource current() {
        RestartableArtemisResource resource = current;
        if (resource == null) {
            throw new IllegalStateException("RestartableArtemisResource is not started for this test");
        }
        return resource;
    }

    @Override
    public Map<String, String> start() {
        port = freePort();
        try {
            dataDirectory = Files.createTempDirectory("herd-artemis-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startBroker();
        current = this;
        // No client reconnect: the relay opens a context per batch, and a context that waits for a broker to come back
        // (reconnectAttempts=-1) would hold the relay in one blocked send for the whole outage.
        return Map.of(
                "quarkus.artemis.url",
                "tcp://127.0.0.1:" + port,
                "quarkus.artemis.username",
                "",
                "quarkus.artemis.password",
                "");
    }

    /** Starts the broker on the resource's port, reloading its journal. */
    public synchronized void startBroker() {
        if (broker != null) {
            throw new IllegalStateException("The embedded Artemis broker is already running");
        }
        EmbeddedActiveMQ starting = new EmbeddedActiveMQ();
        try {
            starting.setConfiguration(configuration()).start();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded Artemis broker on port " + port, e);
        }
        broker = starting;
    }

    /** Stops the broker; what it persisted stays in its journal for the next start. */
    public synchronized void stopBroker() {
        if (broker == null) {
            return;
        }
        try {
            broker.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the embedded Artemis broker", e);
        } finally {
            broker = null;
        }
    }

    public synchronized boolean isRunning() {
        return broker != null;
    }

    @Override
    public void stop() {
        stopBroker();
        current = null;
        deleteRecursively(dataDirectory);
    }

    private Configuration configuration() throws Exception {
        return new ConfigurationImpl()
                .setName("herd-test-broker")
                .setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(dataDirectory.resolve("journal").toString())
                .setBindingsDirectory(dataDirectory.resolve("bindings").toString())
                .setPagingDirectory(dataDirectory.resolve("paging").toString())
                .setLargeMessagesDirectory(
                        dataDirectory.resolve("large-messages").toString())
                .setNodeManagerLockDirectory(dataDirectory.resolve("lock").toString())
                .setSecurityEnabled(false)
                .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
    }

    private static void deleteRecursively(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
