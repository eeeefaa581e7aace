-- OpenPGP public keys registered for a provider; documents a provider publishes must be signed by one of them.
CREATE TABLE provider_key (
    provider_id VARCHAR(63)  NOT NULL REFERENCES provider (id) ON DELETE CASCADE,
    fingerprint VARCHAR(64)  NOT NULL CHECK (fingerprint ~ '^[0-9A-F]+$'),
    armored     TEXT         NOT NULL,
    user_ids    JSONB        NOT NULL,
    -- when the key itself was made and when it expires (null: never), as the key says
    created_at  TIMESTAMPTZ  NOT NULL,
    expires_at  TIMESTAMPTZ,
    added_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (provider_id, fingerprint)
);

-- Places the hub pulls advisories from on a schedule, with the outcome of the last run.
CREATE TABLE pull_source (
    id               BIGSERIAL    PRIMARY KEY,
    provider_id      VARCHAR(63)  NOT NULL REFERENCES provider (id) ON DELETE CASCADE,
    kind             VARCHAR(30)  NOT NULL CHECK (kind IN ('CSAF_PROVIDER_METADATA', 'OSV_FOLDER', 'KEV_FILE')),
    location         TEXT         NOT NULL,
    interval_minutes INTEGER      NOT NULL CHECK (interval_minutes >= 1),
    created_at       TIMESTAMPTZ  NOT NULL,
    -- idle or failed (the last run could not read the source itself); a running pull is known only in memory
    state            VARCHAR(10)  NOT NULL CHECK (state IN ('idle', 'failed')),
    last_started_at  TIMESTAMPTZ,
    last_finished_at TIMESTAMPTZ,
    last_counts      JSONB,
    last_errors      JSONB,
    last_warnings    JSONB
);
CREATE INDEX pull_source_provider_idx ON pull_source (provider_id);

-- What each source's documents looked like when last stored: unchanged bytes are not ingested again.
CREATE TABLE source_document (
    source_id    BIGINT       NOT NULL REFERENCES pull_source (id) ON DELETE CASCADE,
    location     TEXT         NOT NULL,
    sha256       VARCHAR(64)  NOT NULL,
    last_seen_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (source_id, location)
);
