-- STIX 2.1 over TAXII 2.1 (issue 16, docs/advisory-hub.md "TAXII and STIX").

-- Every version of every STIX object the TAXII collection serves, in the order it was added. date_added is assigned
-- under a transaction-scoped advisory lock, strictly increasing in commit order, so a client that polls with
-- added_after = the last X-TAXII-Date-Added-Last it saw misses nothing; the newest version of an object is "latest".
CREATE TABLE taxii_object (
    seq        BIGSERIAL    PRIMARY KEY,
    stix_id    VARCHAR(300) NOT NULL,
    stix_type  VARCHAR(250) NOT NULL,
    version    TIMESTAMPTZ  NOT NULL,
    date_added TIMESTAMPTZ  NOT NULL UNIQUE,
    latest     BOOLEAN      NOT NULL,
    object     TEXT         NOT NULL,
    UNIQUE (stix_id, version)
);
CREATE INDEX taxii_object_latest ON taxii_object (date_added) WHERE latest;

-- Providers may push STIX 2.1 bundles of indicators: their statements are of format STIX.
ALTER TABLE provenance DROP CONSTRAINT provenance_format_check;
ALTER TABLE provenance ADD CONSTRAINT provenance_format_check CHECK (format IN ('OSV', 'CSAF', 'KEV', 'HERD', 'STIX'));
