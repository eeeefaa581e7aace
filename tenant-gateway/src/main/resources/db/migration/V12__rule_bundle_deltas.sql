-- Rule bundles arrive as deltas (ADR 11). rule_bundle keeps per tenant the newest full bundle the portal sent (body, at
-- full_revision) and the newest revision reached by the deltas on top of it (revision); the deltas themselves, and a
-- window of older ones for agents that are behind, are rule_bundle_delta rows.
ALTER TABLE rule_bundle ADD COLUMN full_revision BIGINT;
UPDATE rule_bundle SET full_revision = revision;
ALTER TABLE rule_bundle ALTER COLUMN full_revision SET NOT NULL;
-- Whether the full body lists each rule's Suricata lines (bundles from before deltas do not): only then can deltas be
-- put on top of it.
ALTER TABLE rule_bundle ADD COLUMN composable BOOLEAN NOT NULL DEFAULT FALSE;
-- When this gateway last asked the portal for a full bundle (RuleBundleRequest); asked again only after a pause.
ALTER TABLE rule_bundle ADD COLUMN full_requested_at TIMESTAMPTZ;

CREATE TABLE rule_bundle_delta (
    tenant_id     VARCHAR(63) NOT NULL,
    revision      BIGINT      NOT NULL,
    base_revision BIGINT      NOT NULL,
    received_at   TIMESTAMPTZ NOT NULL,
    body          JSONB       NOT NULL,
    PRIMARY KEY (tenant_id, revision)
);
