-- The rules of a tenant follow its open filter findings (RuleFindings.of), read after every diagnosed machine. Without
-- this index that read scans every open finding of the tenant: the cost of one report grew with the tenant's fleet.
CREATE INDEX finding_open_filter ON finding (tenant_id)
    WHERE closed_at IS NULL AND action IN ('FILTER', 'FILTER_UNTIL_PATCHED', 'HALT_SERVICE');
