package dev.herd.gateway.tls;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Optional;

/**
 * At start: the certificate the gateway serves must be issued by {@code herd.tls.ca-file}, directly or through the
 * intermediates it serves with it, or agents that pin that CA could not trust the gateway; stops the start otherwise.
 */
@ApplicationScoped
public class ServedCertificateCheck {

    private final TlsConfig config;
    private final GatewayCa ca;
    private final TlsConfigurationRegistry registry;

    public ServedCertificateCheck(TlsConfig config, GatewayCa ca, TlsConfigurationRegistry registry) {
        this.config = config;
        this.ca = ca;
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent start) {
        Optional<X509Certificate> pinned = ca.certificate();
        if (pinned.isEmpty()) {
            return; // plain HTTP only (PlainHttpPolicy refuses this unless it is allowed)
        }
        KeyStore served =
                registry.getDefault().map(TlsConfiguration::getKeyStore).orElse(null);
        if (served == null) {
            if (!config.allowPlainHttp()) {
                throw new IllegalStateException("herd.tls.ca-file " + caFile() + " is set, but the gateway serves no"
                        + " certificate: configure quarkus.tls.key-store.p12.* or quarkus.tls.key-store.pem.0.*");
            }
            return;
        }
        check(served, pinned.get(), caFile());
    }

    /** Throws unless every key entry of {@code served} has a chain that leads to {@code ca}. */
    static void check(KeyStore served, X509Certificate ca, String caFile) {
        try {
            boolean any = false;
            for (String alias : Collections.list(served.aliases())) {
                if (served.isKeyEntry(alias)) {
                    any = true;
                    checkChain(served.getCertificateChain(alias), ca, caFile);
                }
            }
            if (!any) {
                throw new IllegalStateException("The gateway's key store holds no key and certificate to serve");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The gateway's key store cannot be read: " + e.getMessage(), e);
        }
    }

    private static void checkChain(Certificate[] chain, X509Certificate ca, String caFile) {
        if (chain == null || chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
            throw new IllegalStateException("The gateway's key store holds a key without an X.509 certificate");
        }
        X509Certificate current = leaf;
        for (int next = 1; !issuedBy(current, ca); next++) {
            if (next >= chain.length
                    || !(chain[next] instanceof X509Certificate issuer)
                    || !issuedBy(current, issuer)) {
                throw new IllegalStateException("The certificate the gateway serves (" + leaf.getSubjectX500Principal()
                        + ", issued by " + leaf.getIssuerX500Principal() + ") was not issued by herd.tls.ca-file "
                        + caFile + " (" + ca.getSubjectX500Principal() + "), directly or through the chain it is"
                        + " served with: agents pin that CA and would refuse the gateway. Serve a certificate that CA"
                        + " signed, or name the CA that signed it");
            }
            current = issuer;
        }
    }

    /** Issuer name and signature: the name alone would let a certificate of another CA of the same name through. */
    private static boolean issuedBy(X509Certificate certificate, X509Certificate issuer) {
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private String caFile() {
        return config.caFile().map(Object::toString).orElse("(not set)");
    }
}
