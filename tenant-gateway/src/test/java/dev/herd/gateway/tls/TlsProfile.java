package dev.herd.gateway.tls;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The gateway as production runs it: HTTPS only with a CA made by the launcher's own script
 * ({@code launcher/tls/make-demo-ca.sh}, keytool), plain HTTP not allowed.
 */
public class TlsProfile implements QuarkusTestProfile {

    static final String PASSWORD = "herd-demo-tls";
    // A system property, not a static field alone: Quarkus loads this class in more than one class loader (the profile,
    // the test instance), and both must see the one CA the gateway was started with.
    private static final String DIR_PROPERTY = "herd.test.gateway-tls-dir";

    /** The folder with ca.pem, ca.sha256 and gateway.p12, made once per test JVM. */
    static synchronized Path dir() {
        String known = System.getProperty(DIR_PROPERTY);
        if (known != null) {
            return Path.of(known);
        }
        try {
            Path made = Files.createTempDirectory("herd-gateway-tls");
            Path script = Path.of("..", "launcher", "tls", "make-demo-ca.sh").toAbsolutePath();
            ProcessBuilder builder =
                    new ProcessBuilder("bash", script.toString(), made.toString()).redirectErrorStream(true);
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process process = builder.start();
            String said = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("make-demo-ca.sh failed: " + said);
            }
            System.setProperty(DIR_PROPERTY, made.toString());
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Path tls = dir();
        return Map.of(
                "quarkus.tls.key-store.p12.path",
                tls.resolve("gateway.p12").toString(),
                "quarkus.tls.key-store.p12.password",
                PASSWORD,
                "herd.tls.ca-file",
                tls.resolve("ca.pem").toString(),
                "herd.tls.allow-plain-http",
                "false",
                "quarkus.http.insecure-requests",
                "disabled",
                "quarkus.http.test-ssl-port",
                "0");
    }
}
