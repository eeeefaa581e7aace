package dev.herd.agent.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** A CA and gateway certificate made by the launcher's own {@code launcher/tls/make-demo-ca.sh} (keytool), for tests. */
record DemoCa(Path dir) {

    static final String PASSWORD = "herd-demo-tls";

    static DemoCa make(Path dir) throws IOException, InterruptedException {
        Path script = Path.of("..", "launcher", "tls", "make-demo-ca.sh").toAbsolutePath();
        ProcessBuilder builder =
                new ProcessBuilder("bash", script.toString(), dir.toString()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String said = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("make-demo-ca.sh failed: " + said);
        }
        return new DemoCa(dir);
    }

    Path caPem() {
        return dir.resolve("ca.pem");
    }

    /** The CA's fingerprint as the script wrote it (keytool's own SHA-256). */
    String fingerprint() throws IOException {
        return Files.readString(dir.resolve("ca.sha256")).strip();
    }

    /** A server context with the gateway's key and chain [gateway, CA]. */
    SSLContext serverContext() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("gateway.p12"))) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }
}
