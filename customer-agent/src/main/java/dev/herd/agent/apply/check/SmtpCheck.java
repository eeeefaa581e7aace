package dev.herd.agent.apply.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Does the mail server at {@code host:port} greet with {@code 220} (RFC 5321 §4.2)? Sends nothing but QUIT. */
final class SmtpCheck {

    private SmtpCheck() {}

    /** The greeting line; throws when there is none. */
    static String greeting(HostPort target, Duration timeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(target.host(), target.port()), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed without a greeting");
            }
            socket.getOutputStream().write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            return line;
        }
    }
}
