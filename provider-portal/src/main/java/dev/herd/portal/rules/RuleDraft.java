package dev.herd.portal.rules;

import java.util.Set;
import java.util.UUID;

/** A rule that open findings call for: what it filters (from which attacker, if any) and the machines it must cover. */
record RuleDraft(
        String advisoryId,
        String ruleKey,
        String protocol,
        Integer port,
        String signature,
        String sourceAddress,
        String description,
        Set<UUID> machines) {

    /** Identifies a rule within a tenant: its advisory and what it stands for. */
    record Key(String advisoryId, String ruleKey) {}

    Key key() {
        return new Key(advisoryId, ruleKey);
    }
}
