package dev.herd.agent.tls;

import dev.herd.contracts.enrolment.CaFingerprint;
import dev.herd.contracts.enrolment.EnrolmentTokenText;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * How the agent connects to its gateway: HTTPS trusting exactly one CA (the one its enrolment token pins), or plain
 * HTTP only when that is explicitly allowed, which it says on stderr. {@link #client()} is the HTTP client to use.
 */
public final class GatewayTransport {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client;
    private final Optional<PinningTrustManager> pinning;
    private final Optional<X509Certificate> givenCa;

    private GatewayTransport(
            HttpClient client, Optional<PinningTrustManager> pinning, Optional<X509Certificate> givenCa) {
        this.client = client;
        this.pinning = pinning;
        this.givenCa = givenCa;
    }

    public HttpClient client() {
        return client;
    }

    /** The CA this transport trusts, once known (at enrolment, after the first handshake); empty over plain HTTP. */
    public Optional<X509Certificate> pinnedCa() {
        return givenCa.isPresent() ? givenCa : pinning.flatMap(PinningTrustManager::found);
    }

    /** Why the gateway's certificate was refused, when it was. */
    public Optional<String> refusal() {
        return pinning.flatMap(PinningTrustManager::refusal);
    }

    /**
     * For {@code enrol}: over HTTPS the token must carry a CA fingerprint; a CA file given ({@code --gateway-ca}) must
     * have it, otherwise the CA is taken from the gateway's chain only if it has it. Plain HTTP only when allowed.
     */
    public static GatewayTransport forEnrolment(
            URI gateway, EnrolmentTokenText token, Optional<Path> caFile, boolean allowPlainHttp, Consumer<String> warn)
            throws GatewayTlsException {
        if (!secure(gateway, allowPlainHttp, warn)) {
            return plain();
        }
        CaFingerprint pinned = token.caFingerprint()
                .orElseThrow(() -> new GatewayTlsException("the enrolment token carries no CA fingerprint (it comes"
                        + " from a gateway without TLS, or from before TLS), so " + gateway + " cannot be pinned:"
                        + " issue a new token at a gateway with herd.tls.ca-file, or allow plain HTTP explicitly"));
        if (caFile.isPresent()) {
            X509Certificate ca = PinnedCaFile.load(caFile.get());
            if (!pinned.matches(ca)) {
                throw new GatewayTlsException("the CA in " + caFile.get() + " (SHA-256 "
                        + CaFingerprint.of(ca).colons() + ") is not the one the enrolment token pins (SHA-256 "
                        + pinned.colons() + ")");
            }
            return trusting(ca);
        }
        PinningTrustManager manager = new PinningTrustManager(pinned);
        return new GatewayTransport(https(manager), Optional.of(manager), Optional.empty());
    }

    /**
     * For {@code run}: over HTTPS the CA pinned at enrolment ({@code STATE_DIR/gateway-ca.pem}), or the CA file given;
     * plain HTTP only when allowed.
     */
    public static GatewayTransport forRun(
            URI gateway, Path stateDir, Optional<Path> caFile, boolean allowPlainHttp, Consumer<String> warn)
            throws GatewayTlsException {
        if (!secure(gateway, allowPlainHttp, warn)) {
            return plain();
        }
        Optional<X509Certificate> pinned = PinnedCaFile.read(stateDir);
        if (caFile.isPresent()) {
            X509Certificate given = PinnedCaFile.load(caFile.get());
            if (pinned.isPresent() && !pinned.get().equals(given)) {
                throw new GatewayTlsException("the CA in " + caFile.get() + " (SHA-256 "
                        + CaFingerprint.of(given).colons() + ") is not the CA pinned at enrolment in "
                        + stateDir.resolve(PinnedCaFile.FILE) + " (SHA-256 "
                        + CaFingerprint.of(pinned.get()).colons() + ")");
            }
            return trusting(given);
        }
        return trusting(pinned.orElseThrow(() -> new GatewayTlsException("no gateway CA is pinned in " + stateDir
                + " (" + PinnedCaFile.FILE + " is written by enrol over HTTPS): enrol again with a token that carries"
                + " the CA fingerprint, or name the CA with --gateway-ca")));
    }

    /** HTTPS trusting exactly {@code ca}. */
    public static GatewayTransport trusting(X509Certificate ca) throws GatewayTlsException {
        try {
            return new GatewayTransport(https(PinningTrustManager.trusting(ca)), Optional.empty(), Optional.of(ca));
        } catch (java.security.cert.CertificateException e) {
            throw new GatewayTlsException(e.getMessage());
        }
    }

    private static boolean secure(URI gateway, boolean allowPlainHttp, Consumer<String> warn)
            throws GatewayTlsException {
        String scheme = gateway.getScheme() == null ? "" : gateway.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "https":
                return true;
            case "http":
                if (!allowPlainHttp) {
                    throw new GatewayTlsException("plain HTTP to the gateway (" + gateway + ") is refused: use its"
                            + " https:// address, or allow plain HTTP explicitly with --allow-plain-http"
                            + " (HERD_TLS_ALLOW_PLAIN_HTTP=true)");
                }
                warn.accept("customer-agent: WARN plain HTTP to the gateway " + gateway + " is allowed"
                        + " (--allow-plain-http): the token, credential and reports cross the network unencrypted");
                return false;
            default:
                throw new GatewayTlsException("the gateway address " + gateway + " is neither https:// nor http://");
        }
    }

    private static GatewayTransport plain() {
        return new GatewayTransport(
                HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build(), Optional.empty(), Optional.empty());
    }

    private static HttpClient https(TrustManager trust) throws GatewayTlsException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            return HttpClient.newBuilder()
                    .connectTimeout(CONNECT_TIMEOUT)
                    .sslContext(context)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new GatewayTlsException("cannot set up TLS: " + e.getMessage());
        }
    }
}
