-- Findings by EPSS at scale (docs/findings-api.md, "Sorting by EPSS"): 20,000 advisories, 1 in 10 without a score and
-- the scores skewed low as FIRST.org's are (thousands share the lowest values), 350,000 acme findings on 3,000 of
-- them (1 in 13 closed; 60 of its advisories without a score) and 75,000 each for globex and initech (initech has
-- no finding without a score). Run on a database migrated with provider-portal's V1..V33 (run.sh).
\timing on
INSERT INTO advisory (id, title, severity, known_exploited, emergency_level, actionable, withdrawn, aliases, affected,
        mitigations, patches, modified_at, updated_at, epss, epss_percentile)
SELECT 'ADV-' || n, 'a', (ARRAY['CRITICAL','HIGH','MEDIUM','LOW'])[n % 4 + 1], n % 50 = 0, 0, true, false,
       jsonb_build_array('CVE-2099-' || n), '[]', '[]', '[]', now(), now(),
       CASE WHEN n % 10 = 0 THEN NULL ELSE round((0.00004 + 0.99996 * power(random(), 8))::numeric, 5) END,
       CASE WHEN n % 10 = 0 THEN NULL ELSE round(random()::numeric, 5) END
FROM generate_series(1, 20000) n;
INSERT INTO machine (id, tenant_id, name, addresses, listening, last_sequence, updated_at)
SELECT md5(t || m)::uuid, t, t || '-' || m, '[]', '[]', 0, now()
FROM unnest(ARRAY['acme','globex','initech']) t, generate_series(1, 1000) m;
INSERT INTO finding (tenant_id, machine_id, advisory_id, package_name, installed, action, state, opened_at,
        updated_at, closed_at)
SELECT t, md5(t || (i % 1000 + 1))::uuid, 'ADV-' || ((i::bigint * 7919 + o) % 3000 * 6 + o + 1), 'pkg-' || i,
       '1.0', 'PATCH', CASE WHEN i % 13 = 0 THEN 'PATCHED' ELSE 'OPEN' END, now(), now(),
       CASE WHEN i % 13 = 0 THEN now() END
FROM (VALUES ('acme', 350000, 0), ('globex', 75000, 1), ('initech', 75000, 2)) AS v (t, c, o), generate_series(1, c) i;
UPDATE advisory SET epss = NULL, epss_percentile = NULL WHERE id IN (SELECT 'ADV-' || (k * 300 + 1) FROM generate_series(0, 59) k);
ANALYZE;
SELECT tenant_id, count(*), count(DISTINCT advisory_id) FROM finding GROUP BY 1 ORDER BY 1;
