package dev.herd.contracts.tenancy;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The {@link Caller} of the current request, read from the authenticated identity and its token claims. */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;

    public CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller get() {
        Optional<String> tenant = Optional.empty();
        Optional<String> provider = Optional.empty();
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            tenant = claim(token, Roles.TENANT_CLAIM);
            provider = claim(token, Roles.PROVIDER_CLAIM);
        }
        return new Caller(identity.getPrincipal().getName(), identity.getRoles(), tenant, provider);
    }

    private static Optional<String> claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        String text = value instanceof JsonString json ? json.getString() : value == null ? null : value.toString();
        return Optional.ofNullable(text).filter(s -> !s.isBlank());
    }
}
