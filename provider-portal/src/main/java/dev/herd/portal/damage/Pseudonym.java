package dev.herd.portal.damage;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The name a tenant goes by in damage reports: HMAC-SHA256 of its id under a secret, in hex, shortened. */
@ApplicationScoped
public class Pseudonym {

    private final DamageConfig config;

    public Pseudonym(DamageConfig config) {
        this.config = config;
    }

    public String of(String tenantId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.pseudonymSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String hex = HexFormat.of().formatHex(mac.doFinal(tenantId.getBytes(StandardCharsets.UTF_8)));
            return hex.substring(0, Math.clamp(config.pseudonymLength(), 8, hex.length()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
