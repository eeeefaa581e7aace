package dev.herd.contracts.delivery;

import java.time.Instant;

/**
 * Message on {@value #ADDRESS}: a gateway asks the portal for a full {@link RuleBundle} of a tenant, because it holds
 * no state the next delta can be applied to ({@code reason} {@code gap}: a delta's base is not what it holds) or
 * because the deltas since its last full bundle grew long ({@code compaction}). The portal answers with a full bundle
 * of its current revision on {@link RuleBundle#ADDRESS}; asking twice costs a second full bundle, nothing else.
 */
public record RuleBundleRequest(String tenantId, Long heldRevision, String reason, Instant requestedAt) {

    public static final String ADDRESS = "herd.rule-bundle-requests";

    public static final String GAP = "gap";
    public static final String COMPACTION = "compaction";
}
