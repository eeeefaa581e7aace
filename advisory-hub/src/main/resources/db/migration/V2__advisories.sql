-- Canonical advisories (DESIGN §3.1), resolved from the statements of every provider that spoke about them.
CREATE TABLE advisory (
    id              VARCHAR(200) PRIMARY KEY,
    title           TEXT,
    description     TEXT,
    cvss_vector     VARCHAR(200),
    cvss_score      NUMERIC(3, 1),
    severity        VARCHAR(10) CHECK (severity IN ('NONE', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    -- 0 routine, 1 elevated (high), 2 urgent (critical), 3 emergency (known exploited)
    emergency_level SMALLINT     NOT NULL CHECK (emergency_level BETWEEN 0 AND 3),
    known_exploited BOOLEAN      NOT NULL,
    -- true when a provider at or above the automatic-action tier stands behind it
    actionable      BOOLEAN      NOT NULL,
    withdrawn_at    TIMESTAMPTZ,
    published_at    TIMESTAMPTZ,
    modified_at     TIMESTAMPTZ  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    content         JSONB        NOT NULL
);
CREATE INDEX advisory_updated_idx ON advisory (updated_at, id);
CREATE INDEX advisory_severity_idx ON advisory (severity);
CREATE INDEX advisory_kev_idx ON advisory (known_exploited) WHERE known_exploited;

-- Every id and alias an advisory is known by (upper case): the merge key across providers.
CREATE TABLE advisory_alias (
    alias       VARCHAR(200) PRIMARY KEY,
    advisory_id VARCHAR(200) NOT NULL REFERENCES advisory (id) ON DELETE CASCADE
);
CREATE INDEX advisory_alias_advisory_idx ON advisory_alias (advisory_id);

-- The packages an advisory affects, for lookups by ecosystem and package.
CREATE TABLE advisory_package (
    ecosystem   VARCHAR(100) NOT NULL,
    name        VARCHAR(300) NOT NULL,
    advisory_id VARCHAR(200) NOT NULL REFERENCES advisory (id) ON DELETE CASCADE,
    PRIMARY KEY (ecosystem, name, advisory_id)
);
CREATE INDEX advisory_package_advisory_idx ON advisory_package (advisory_id);

-- What each provider's document said; one row per (provider, document).
CREATE TABLE provenance (
    id              BIGSERIAL    PRIMARY KEY,
    advisory_id     VARCHAR(200) NOT NULL REFERENCES advisory (id) ON DELETE CASCADE,
    provider_id     VARCHAR(63)  NOT NULL REFERENCES provider (id),
    document_id     VARCHAR(200) NOT NULL,
    format          VARCHAR(20)  NOT NULL CHECK (format IN ('OSV', 'CSAF', 'KEV', 'HERD')),
    trust_tier      SMALLINT     NOT NULL,
    verified        BOOLEAN      NOT NULL,
    withdrawn       BOOLEAN      NOT NULL,
    statement_hash  VARCHAR(64)  NOT NULL,
    statement       JSONB        NOT NULL,
    document_modified_at TIMESTAMPTZ NOT NULL,
    received_at     TIMESTAMPTZ  NOT NULL,
    submitted_by    VARCHAR(200) NOT NULL,
    UNIQUE (provider_id, document_id)
);
CREATE INDEX provenance_advisory_idx ON provenance (advisory_id);

-- Documents that failed verification: nothing of them is stored as an advisory, but the rejection is recorded.
CREATE TABLE rejection (
    id          BIGSERIAL    PRIMARY KEY,
    provider_id VARCHAR(63)  NOT NULL REFERENCES provider (id),
    document_id VARCHAR(200),
    format      VARCHAR(20),
    errors      JSONB        NOT NULL,
    received_at TIMESTAMPTZ  NOT NULL,
    submitted_by VARCHAR(200) NOT NULL
);
CREATE INDEX rejection_provider_idx ON rejection (provider_id, received_at DESC);

-- Transactional outbox: written with the business change, sent to Artemis after commit, resent until acknowledged.
CREATE TABLE outbox_message (
    id          UUID         PRIMARY KEY,
    address     VARCHAR(200) NOT NULL,
    message_key VARCHAR(200) NOT NULL,
    payload     TEXT         NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    sent_at     TIMESTAMPTZ,
    attempts    INTEGER      NOT NULL DEFAULT 0,
    last_error  TEXT
);
CREATE INDEX outbox_pending_idx ON outbox_message (created_at) WHERE sent_at IS NULL;
