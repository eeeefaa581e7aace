package dev.herd.agent.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Optional;

/** The gateway CA pinned at enrolment, kept as PEM in {@code STATE_DIR/gateway-ca.pem}; also reads a given CA file. */
public final class PinnedCaFile {

    public static final String FILE = "gateway-ca.pem";

    private PinnedCaFile() {}

    /** The CA pinned in {@code stateDir}, or empty when the agent enrolled without one. */
    public static Optional<X509Certificate> read(Path stateDir) throws GatewayTlsException {
        Path file = stateDir.resolve(FILE);
        return Files.isRegularFile(file) ? Optional.of(load(file)) : Optional.empty();
    }

    /** Reads a PEM or DER certificate file. */
    public static X509Certificate load(Path file) throws GatewayTlsException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new GatewayTlsException("cannot read the gateway CA file " + file + ": " + e.getMessage());
        } catch (CertificateException | ClassCastException e) {
            throw new GatewayTlsException(file + " is not a PEM or DER X.509 certificate: " + e.getMessage());
        }
    }

    /** Writes {@code ca} as PEM (partial file, then renamed). */
    public static void write(Path stateDir, X509Certificate ca) throws IOException {
        Files.createDirectories(stateDir);
        Path partial = stateDir.resolve(FILE + ".partial");
        Files.writeString(partial, pem(ca), StandardCharsets.US_ASCII);
        Files.move(partial, stateDir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
    }

    static String pem(X509Certificate ca) throws IOException {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(ca.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IOException("cannot encode " + ca.getSubjectX500Principal(), e);
        }
    }
}
