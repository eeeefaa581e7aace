-- Installed packages stored once per distinct package set instead of once per machine (ADR 17). Machines built from
-- one image share one set; a set is never changed (a report that changes packages points its machine at another
-- set), so what a set holds can be cached by id. Sets no machine points at are swept (PackageSetSweeper).
CREATE TABLE package_set (
    id            BIGSERIAL   PRIMARY KEY,
    -- SHA-256 of the set's canonical text (PackageSetContent): one line per package, ordered by name and
    -- architecture in code-point order, seven tab-separated fields, \N for null
    digest        BYTEA       NOT NULL UNIQUE,
    package_count INTEGER     NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE package_set_member (
    set_id         BIGINT       NOT NULL REFERENCES package_set (id) ON DELETE CASCADE,
    name           VARCHAR(200) NOT NULL,
    architecture   VARCHAR(31)  NOT NULL,
    version        VARCHAR(200) NOT NULL,
    source_name    VARCHAR(200),
    source_version VARCHAR(200),
    match_name     VARCHAR(200) NOT NULL,
    match_version  VARCHAR(200) NOT NULL,
    PRIMARY KEY (set_id, name, architecture)
);
-- the sets that have a package an advisory names
CREATE INDEX package_set_member_by_match ON package_set_member (match_name, set_id);

ALTER TABLE machine ADD COLUMN package_set_id BIGINT REFERENCES package_set (id);
CREATE INDEX machine_by_package_set ON machine (package_set_id);

-- The packages stored so far, one set per distinct content.
CREATE TEMPORARY TABLE machine_package_digest ON COMMIT DROP AS
SELECT machine_id,
       sha256(convert_to(string_agg(
               concat_ws(E'\t', name, architecture, version, COALESCE(source_name, '\N'),
                         COALESCE(source_version, '\N'), match_name, match_version),
               E'\n' ORDER BY name COLLATE "C", architecture COLLATE "C"), 'UTF8')) AS digest,
       count(*) AS package_count
FROM machine_package
GROUP BY machine_id;

INSERT INTO package_set (digest, package_count)
SELECT digest, min(package_count) FROM machine_package_digest GROUP BY digest;

INSERT INTO package_set_member (set_id, name, architecture, version, source_name, source_version, match_name,
                                match_version)
SELECT s.id, p.name, p.architecture, p.version, p.source_name, p.source_version, p.match_name, p.match_version
FROM (SELECT DISTINCT ON (digest) digest, machine_id FROM machine_package_digest ORDER BY digest, machine_id) one
JOIN package_set s ON s.digest = one.digest
JOIN machine_package p ON p.machine_id = one.machine_id;

UPDATE machine m SET package_set_id = s.id
FROM machine_package_digest d JOIN package_set s ON s.digest = d.digest
WHERE m.id = d.machine_id;

DROP TABLE machine_package;
