package dev.herd.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/** A real Artemis broker, embedded in the test JVM on a free port for one test run; Quarkus is pointed at it. */
public class EmbeddedArtemisResource implements QuarkusTestResourceLifecycleManager {

    /** The broker of the test run under way, for tests that look at what clients did to it. */
    private static volatile EmbeddedActiveMQ running;

    private EmbeddedActiveMQ broker;

    /** How many connections clients opened to the running broker since it started. */
    public static long connectionsOpened() {
        EmbeddedActiveMQ broker = running;
        if (broker == null) {
            throw new IllegalStateException("no embedded Artemis broker is running");
        }
        return broker.getActiveMQServer().getTotalConnectionCount();
    }

    @Override
    public Map<String, String> start() {
        int port = freePort();
        try {
            broker = new EmbeddedActiveMQ()
                    .setConfiguration(new ConfigurationImpl()
                            .setName("herd-test-broker")
                            .setPersistenceEnabled(false)
                            .setSecurityEnabled(false)
                            .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port));
            broker.start();
            running = broker;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded Artemis broker on port " + port, e);
        }
        return Map.of(
                "quarkus.artemis.url", "tcp://127.0.0.1:" + port + "?minLargeMessageSize=1048576",
                "quarkus.artemis.username", "",
                "quarkus.artemis.password", "");
    }

    @Override
    public void stop() {
        if (broker != null) {
            running = null;
            try {
                broker.stop();
            } catch (Exception e) {
                throw new IllegalStateException("Could not stop the embedded Artemis broker", e);
            }
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
