package dev.herd.agent.tls;

import dev.herd.contracts.enrolment.CaFingerprint;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a gateway whose certificate chain holds the CA with a given fingerprint and is valid under that CA alone
 * (PKIX, host name checked by the HTTP client): how the agent pins the CA named in its enrolment token when it was not
 * given the CA's file. The CA found is kept, to be written to the state folder; a refusal says why.
 */
public final class PinningTrustManager extends X509ExtendedTrustManager {

    private final CaFingerprint pinned;
    private final AtomicReference<X509Certificate> found = new AtomicReference<>();
    private final AtomicReference<String> refusal = new AtomicReference<>();

    public PinningTrustManager(CaFingerprint pinned) {
        this.pinned = pinned;
    }

    /** The CA of the pinned fingerprint, once a gateway presented it. */
    public Optional<X509Certificate> found() {
        return Optional.ofNullable(found.get());
    }

    /** Why the last gateway was not trusted, if it was not. */
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal.get());
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        X509ExtendedTrustManager anchored = anchoredAt(chain);
        try {
            anchored.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            throw refuse("its certificate is not valid under the pinned CA: " + e.getMessage());
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        X509ExtendedTrustManager anchored = anchoredAt(chain);
        try {
            anchored.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            throw refuse("its certificate is not valid under the pinned CA: " + e.getMessage());
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        X509ExtendedTrustManager anchored = anchoredAt(chain);
        try {
            anchored.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            throw refuse("its certificate is not valid under the pinned CA: " + e.getMessage());
        }
    }

    private X509ExtendedTrustManager anchoredAt(X509Certificate[] chain) throws CertificateException {
        X509Certificate ca = Arrays.stream(chain == null ? new X509Certificate[0] : chain)
                .filter(pinned::matches)
                .findFirst()
                .orElseThrow(() -> refuse("its certificate chain does not hold the CA the enrolment token pins"
                        + " (SHA-256 " + pinned.colons() + "); it presented "
                        + Arrays.stream(chain == null ? new X509Certificate[0] : chain)
                                .map(c -> c.getSubjectX500Principal() + " (SHA-256 "
                                        + CaFingerprint.of(c).colons() + ")")
                                .collect(Collectors.joining(", "))));
        if (ca.getBasicConstraints() < 0) {
            throw refuse("the certificate of the pinned fingerprint, " + ca.getSubjectX500Principal()
                    + ", is not a CA certificate");
        }
        X509ExtendedTrustManager anchored = trusting(ca);
        found.set(ca);
        return anchored;
    }

    private CertificateException refuse(String why) {
        refusal.set(why);
        return new CertificateException(why);
    }

    /** The JDK's PKIX trust manager with {@code ca} as its one trust anchor. */
    static X509ExtendedTrustManager trusting(X509Certificate ca) throws CertificateException {
        try {
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            anchors.setCertificateEntry("gateway-ca", ca);
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(anchors);
            return (X509ExtendedTrustManager) factory.getTrustManagers()[0];
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new CertificateException("cannot make a trust store of " + ca.getSubjectX500Principal(), e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("the agent authenticates no clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("the agent authenticates no clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the agent authenticates no clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
