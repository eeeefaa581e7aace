-- File hashes learnt bad at any tenant (the hub's community advisories with a FILE_HASH indicator, announced on
-- herd.advisories.urgent): agents fetch them as their ClamAV database (GET /agent/malware-hashes). One row per hash
-- and advisory; modified_at is the advisory's, so an older announcement never undoes a newer one.
CREATE TABLE known_bad_hash (
    advisory_id text NOT NULL,
    sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    modified_at timestamptz NOT NULL,
    PRIMARY KEY (advisory_id, sha256)
);
CREATE INDEX known_bad_hash_sha256 ON known_bad_hash (sha256);

-- Advisories announced withdrawn, so that a late CREATED or UPDATED of the same or an older version stays ignored.
CREATE TABLE known_bad_hash_withdrawn (
    advisory_id text PRIMARY KEY,
    modified_at timestamptz NOT NULL
);
