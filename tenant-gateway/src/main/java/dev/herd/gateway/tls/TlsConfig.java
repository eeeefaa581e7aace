package dev.herd.gateway.tls;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How agents reach this gateway ({@code herd.tls.*}). The certificate the gateway serves is Quarkus' own TLS
 * configuration ({@code quarkus.tls.key-store.*}, HTTPS on {@code quarkus.http.ssl-port}); this names the CA agents pin.
 */
@ConfigMapping(prefix = "herd.tls")
public interface TlsConfig {

    /**
     * Whether plain HTTP may be served at all. When false the gateway refuses to start with
     * {@code quarkus.http.insecure-requests} other than {@code disabled}; when true it says so in its log at start.
     */
    @WithDefault("false")
    boolean allowPlainHttp();

    /**
     * The PEM file of the CA that signed the gateway's certificate. Its SHA-256 fingerprint goes into every enrolment
     * token, and agents pin it. Required unless plain HTTP is allowed; without it tokens carry no fingerprint.
     */
    Optional<Path> caFile();
}
