-- The advisory's EPSS score (FIRST.org, 0..1) and percentile as the hub announced them; null when none is known.
ALTER TABLE advisory ADD COLUMN epss NUMERIC(6, 5) CHECK (epss BETWEEN 0 AND 1);
ALTER TABLE advisory ADD COLUMN epss_percentile NUMERIC(6, 5) CHECK (epss_percentile BETWEEN 0 AND 1);
