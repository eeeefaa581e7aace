-- Findings in EPSS order (GET /api/tenants/{t}/findings?sort=epss, docs/findings-api.md): a page walks the advisories
-- from the highest score down and, per advisory, the tenant's findings through finding_by_advisory_page (V14), so that
-- no page reads or sorts a tenant's findings whole. NULLS LAST: the advisories without a score, whose findings come
-- last, are one range of it too.
CREATE INDEX advisory_by_epss ON advisory (epss DESC NULLS LAST, id);
