package dev.herd.portal.rules;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A tenant's rule as the API shows it: what it filters, where it stands and why, the machines it protects with the
 * addresses it names, and the machines it cannot protect because they have no usable address.
 */
public record RuleView(
        int number,
        String advisoryId,
        RuleAction action,
        String protocol,
        Integer port,
        Integer rate,
        String signature,
        String description,
        RuleState state,
        String reason,
        Instant createdAt,
        Instant deployedAt,
        Instant withdrawnAt,
        List<ProtectedMachine> machines,
        List<String> unprotected) {

    /** A machine the rule protects and its addresses. */
    public record ProtectedMachine(UUID id, String name, List<String> addresses) {}
}
