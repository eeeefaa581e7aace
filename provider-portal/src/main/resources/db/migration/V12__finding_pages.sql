-- Keyset pages of a tenant's findings (GET /api/tenants/{t}/findings, docs/findings-api.md): every page is an index
-- range scan in id order, unfiltered or filtered by machine, advisory or state, that stops after one page of rows.
CREATE INDEX finding_page ON finding (tenant_id, id);
CREATE INDEX finding_page_by_advisory ON finding (tenant_id, advisory_id, id);
CREATE INDEX finding_page_by_state ON finding (tenant_id, state, id);

-- (tenant_id, machine_id, id) serves every query the old (tenant_id, machine_id) index served, and machine pages too.
CREATE INDEX finding_page_by_machine ON finding (tenant_id, machine_id, id);
DROP INDEX finding_by_tenant;
