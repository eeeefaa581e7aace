-- FIRST.org EPSS scores per CVE, from the daily CSV (pulled as a source or imported); the newest file wins.
CREATE TABLE epss_score (
    cve           VARCHAR(30)  PRIMARY KEY,
    epss          NUMERIC(6, 5) NOT NULL CHECK (epss BETWEEN 0 AND 1),
    percentile    NUMERIC(6, 5) NOT NULL CHECK (percentile BETWEEN 0 AND 1),
    score_date    DATE,
    model_version VARCHAR(50),
    loaded_at     TIMESTAMPTZ  NOT NULL
);

-- The highest score among the CVEs an advisory's id and aliases name, with that CVE's percentile.
ALTER TABLE advisory ADD COLUMN epss NUMERIC(6, 5) CHECK (epss BETWEEN 0 AND 1);
ALTER TABLE advisory ADD COLUMN epss_percentile NUMERIC(6, 5) CHECK (epss_percentile BETWEEN 0 AND 1);

ALTER TABLE pull_source DROP CONSTRAINT pull_source_kind_check;
ALTER TABLE pull_source ADD CONSTRAINT pull_source_kind_check
    CHECK (kind IN ('CSAF_PROVIDER_METADATA', 'OSV_FOLDER', 'KEV_FILE', 'EPSS_FILE'));
