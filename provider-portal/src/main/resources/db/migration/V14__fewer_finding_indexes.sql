-- Every new finding is written into each index of finding; at 10,000 machines (3.5 million findings) those writes
-- were most of PostgreSQL's work (ADR 12). Four full indexes instead of seven, each page query still one range scan:

-- (advisory_id, tenant_id, id) serves both the cross-tenant "findings of this advisory" and the tenant's pages
-- filtered by advisory.
CREATE INDEX finding_by_advisory_page ON finding (advisory_id, tenant_id, id);
DROP INDEX finding_by_advisory;
DROP INDEX finding_page_by_advisory;

-- A machine has hundreds of findings, not millions: its pages read them through the unique
-- (machine_id, advisory_id, package_name) index and sort that handful by id.
DROP INDEX finding_page_by_machine;

-- Most findings are OPEN, and an OPEN page is a short walk of finding_page (tenant_id, id). Only the rarer states
-- need their own range; new findings (always OPEN) no longer touch this index. FindingFilter writes the state as a
-- literal so that the planner can use the partial index.
CREATE INDEX finding_page_by_other_state ON finding (tenant_id, state, id) WHERE state <> 'OPEN';
DROP INDEX finding_page_by_state;
