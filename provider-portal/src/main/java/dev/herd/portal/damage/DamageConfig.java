package dev.herd.portal.damage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The portal's damage-reporting settings ({@code herd.portal.damage.*}). */
@ConfigMapping(prefix = "herd.portal.damage")
public interface DamageConfig {

    /**
     * The secret keying the pseudonym (HMAC-SHA256 of the tenant id) that names a tenant in damage reports to the hub.
     * Keep it secret and stable: a new secret gives every tenant a new pseudonym.
     */
    String pseudonymSecret();

    /** How many hex digits of the HMAC the pseudonym keeps (64 bits by default: no collisions among tenants). */
    @WithDefault("16")
    int pseudonymLength();
}
