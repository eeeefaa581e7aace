package dev.herd.agent.apply.check;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Does {@code host:port} accept a TCP connection within the timeout? */
final class PortCheck {

    private PortCheck() {}

    /** {@code null} when it connected, else the reason it did not. */
    static String connect(HostPort target, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(target.host(), target.port()), (int) timeout.toMillis());
            return null;
        } catch (IOException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }
}
