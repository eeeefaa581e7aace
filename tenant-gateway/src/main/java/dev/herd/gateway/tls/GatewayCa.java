package dev.herd.gateway.tls;

import dev.herd.contracts.enrolment.CaFingerprint;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;

/** The CA agents pin: read once from {@code herd.tls.ca-file}; its fingerprint goes into enrolment tokens. */
@ApplicationScoped
public class GatewayCa {

    private final Optional<X509Certificate> certificate;
    private final Optional<CaFingerprint> fingerprint;

    public GatewayCa(TlsConfig config) {
        this.certificate = config.caFile().map(GatewayCa::read);
        this.fingerprint = certificate.map(CaFingerprint::of);
    }

    /** The CA's fingerprint, or empty when no CA is configured (plain HTTP only). */
    public Optional<CaFingerprint> fingerprint() {
        return fingerprint;
    }

    /** The CA certificate, or empty when none is configured. */
    public Optional<X509Certificate> certificate() {
        return certificate;
    }

    static X509Certificate read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            X509Certificate ca =
                    (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            if (ca.getBasicConstraints() < 0) {
                throw new IllegalStateException("herd.tls.ca-file " + file + " holds " + ca.getSubjectX500Principal()
                        + ", which is not a CA certificate (no basic constraints CA:true)");
            }
            return ca;
        } catch (IOException e) {
            throw new IllegalStateException("herd.tls.ca-file " + file + " cannot be read: " + e.getMessage(), e);
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalStateException(
                    "herd.tls.ca-file " + file + " is not a PEM or DER X.509 certificate: " + e.getMessage(), e);
        }
    }
}
