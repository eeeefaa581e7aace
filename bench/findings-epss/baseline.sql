-- The one-query way, without the walk: every page joins and sorts the tenant's open findings (first page, then a page
-- about 60 % deep), three times each.
\timing on
\o /dev/null
SELECT f.id FROM finding f LEFT JOIN advisory a ON a.id = f.advisory_id WHERE f.tenant_id = 'acme' AND f.closed_at IS NULL ORDER BY a.epss DESC NULLS LAST, f.id LIMIT 101;
SELECT f.id FROM finding f LEFT JOIN advisory a ON a.id = f.advisory_id WHERE f.tenant_id = 'acme' AND f.closed_at IS NULL ORDER BY a.epss DESC NULLS LAST, f.id LIMIT 101;
SELECT f.id FROM finding f LEFT JOIN advisory a ON a.id = f.advisory_id WHERE f.tenant_id = 'acme' AND f.closed_at IS NULL ORDER BY a.epss DESC NULLS LAST, f.id LIMIT 101;
SELECT f.id FROM finding f LEFT JOIN advisory a ON a.id = f.advisory_id WHERE f.tenant_id = 'acme' AND f.closed_at IS NULL AND (a.epss < 0.00057 OR (a.epss = 0.00057 AND f.id > 523190) OR a.epss IS NULL) ORDER BY a.epss DESC NULLS LAST, f.id LIMIT 101;
SELECT f.id FROM finding f LEFT JOIN advisory a ON a.id = f.advisory_id WHERE f.tenant_id = 'acme' AND f.closed_at IS NULL AND (a.epss < 0.00057 OR (a.epss = 0.00057 AND f.id > 523190) OR a.epss IS NULL) ORDER BY a.epss DESC NULLS LAST, f.id LIMIT 101;
SELECT f.id FROM finding f LEFT JOIN advisory a ON a.id = f.advisory_id WHERE f.tenant_id = 'acme' AND f.closed_at IS NULL AND (a.epss < 0.00057 OR (a.epss = 0.00057 AND f.id > 523190) OR a.epss IS NULL) ORDER BY a.epss DESC NULLS LAST, f.id LIMIT 101;
