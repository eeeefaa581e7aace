-- The staff's tenants table sorted by its counts (issue 13, docs/portal-ui.md).

-- Open findings and open known-exploited findings as IndexSampleJob saw them: sorting by them reads each tenant's last
-- sample, not every finding. NULL in samples taken before this migration (those tenants sort last until resampled).
ALTER TABLE index_sample ADD COLUMN open_findings BIGINT;
ALTER TABLE index_sample ADD COLUMN known_exploited BIGINT;

-- Damage cases not closed and open warnings are counted per tenant through these, the last report is one index probe.
CREATE INDEX damage_case_not_closed_by_tenant ON damage_case (tenant_id) WHERE state <> 'CLOSED';
CREATE INDEX tenant_warning_open_by_tenant ON tenant_warning (tenant_id) WHERE state = 'OPEN';
CREATE INDEX machine_last_report ON machine (tenant_id, updated_at DESC);
