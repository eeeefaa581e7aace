package dev.herd.contracts.damage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Message on {@value #ADDRESS}: damage seen at one tenant, turned into what every other tenant can be protected by
 * (DESIGN §3.4). The reporting tenant is never named: {@code origin} is a pseudonym that stays the same per tenant (so
 * reports of one tenant can be told apart from reports of two) but cannot be traced back to it. The hub turns a
 * report into a community advisory; providers that asked for damage reports receive it too.
 */
public record DamageReport(
        UUID reportId,
        String origin,
        Instant detectedAt,
        List<Indicator> indicators,
        int damagedMachines,
        String description) {

    public static final String ADDRESS = "herd.damage-reports";

    /** What was learnt: a payload signature, a file hash, or an attacker's address, with the attacked service. */
    public record Indicator(Type type, String value, String protocol, Integer port) {}

    /** The kinds of indicator. */
    public enum Type {
        SIGNATURE,
        FILE_HASH,
        ATTACKER_ADDRESS
    }

    public DamageReport {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }
}
