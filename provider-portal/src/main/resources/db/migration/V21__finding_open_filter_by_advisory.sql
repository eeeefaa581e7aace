-- Rules are reconciled per advisory for many tenants at once (ADR 16): RuleFindings.of looks up open filter findings
-- by (tenant, advisory) pairs. The (advisory, tenant, id) index also visits every closed finding of the pair (a
-- machine that stopped listening, a patched package), which grows with history; this one holds open ones only.
-- It replaces finding_open_filter, whose reads by tenant it serves too.
CREATE INDEX finding_open_filter_by_advisory ON finding (tenant_id, advisory_id)
    WHERE closed_at IS NULL AND action IN ('FILTER', 'FILTER_UNTIL_PATCHED', 'HALT_SERVICE');
DROP INDEX finding_open_filter;
