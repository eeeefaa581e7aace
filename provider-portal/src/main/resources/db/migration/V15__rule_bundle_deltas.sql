-- Rule bundles travel as deltas (ADR 11). Per change the portal stores what changed, not the whole bundle again.

-- The rule set of each tenant's newest revision, as the renderers took it: the next revision is a delta against it.
-- One row per tenant, replaced by every revision; the full bundle is rendered from it when one is needed.
CREATE TABLE rule_bundle_state (
    tenant_id    VARCHAR(63) PRIMARY KEY,
    revision     BIGINT      NOT NULL,
    generated_at TIMESTAMPTZ NOT NULL,
    filter_rules JSONB       NOT NULL,
    rules        JSONB       NOT NULL
);

-- rule_bundle keeps one row per revision: a full bundle (base_revision NULL; the first revision of a tenant) or a
-- delta (nftables holds the commands on top of base_revision, changes the rules put and withdrawn, rules is empty).
ALTER TABLE rule_bundle ADD COLUMN base_revision BIGINT;
ALTER TABLE rule_bundle ADD COLUMN changes JSONB;
ALTER TABLE rule_bundle ALTER COLUMN suricata DROP NOT NULL;

-- The full copies stored before deltas repeat each other; only each tenant's newest is still read (until its next
-- revision, which is full because no rule_bundle_state row exists yet). Revisions stay known to outcomes by number.
DELETE FROM rule_bundle b
 WHERE b.revision < (SELECT max(n.revision) FROM rule_bundle n WHERE n.tenant_id = b.tenant_id);
