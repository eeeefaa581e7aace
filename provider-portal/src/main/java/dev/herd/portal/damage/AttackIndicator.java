package dev.herd.portal.damage;

import dev.herd.contracts.damage.DamageReport;
import java.time.Instant;

/** One entry of the attack database: what was learnt, with the attacked service, when and from where. */
public record AttackIndicator(
        DamageReport.Type type, String value, String protocol, Integer port, Instant learntAt, String learntFrom) {

    /** {@code learntFrom} of what damage at one of the MSSP's own tenants taught. */
    public static final String LOCAL = "local";
}
