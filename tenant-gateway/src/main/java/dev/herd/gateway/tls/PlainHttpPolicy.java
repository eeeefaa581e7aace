package dev.herd.gateway.tls;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * At start: refuses to serve plain HTTP unless {@code herd.tls.allow-plain-http} allows it, says so in the log when it
 * does, and wants a CA for agents to pin when it does not.
 */
@ApplicationScoped
public class PlainHttpPolicy {

    private static final Logger LOG = Logger.getLogger(PlainHttpPolicy.class);

    private final TlsConfig config;
    private final GatewayCa ca;
    private final String insecureRequests;

    public PlainHttpPolicy(
            TlsConfig config,
            GatewayCa ca,
            @ConfigProperty(name = "quarkus.http.insecure-requests", defaultValue = "enabled")
                    String insecureRequests) {
        this.config = config;
        this.ca = ca;
        this.insecureRequests = insecureRequests;
    }

    void onStart(@Observes StartupEvent start) {
        check();
    }

    /** Throws, which stops the gateway, when the settings would serve plain HTTP without leave or give agents no CA. */
    void check() {
        boolean servesPlain = !"disabled".equalsIgnoreCase(insecureRequests.strip());
        if (config.allowPlainHttp()) {
            LOG.warnf(
                    "Plain HTTP is allowed (herd.tls.allow-plain-http=true, quarkus.http.insecure-requests=%s):"
                            + " agents' enrolment tokens, credentials and reports may cross the network unencrypted",
                    insecureRequests);
        } else if (servesPlain) {
            throw new IllegalStateException("quarkus.http.insecure-requests=" + insecureRequests
                    + " would serve plain HTTP, but herd.tls.allow-plain-http is false: set"
                    + " quarkus.http.insecure-requests=disabled, or allow plain HTTP explicitly");
        }
        if (!config.allowPlainHttp() && ca.fingerprint().isEmpty()) {
            throw new IllegalStateException("herd.tls.ca-file is not set: enrolment tokens must carry the fingerprint"
                    + " of the CA agents pin; name the CA's PEM file, or allow plain HTTP explicitly");
        }
        ca.fingerprint()
                .ifPresent(fp -> LOG.infof(
                        "Agents pin CA %s (SHA-256 %s)",
                        ca.certificate().orElseThrow().getSubjectX500Principal(), fp.colons()));
    }
}
