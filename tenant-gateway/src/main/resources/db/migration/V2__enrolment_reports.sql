-- Enrolment, agent credentials, machine reports and the outbox. Every tenant row carries its tenant.

-- One-time enrolment tokens: only the SHA-256 of the token is kept.
CREATE TABLE enrolment_token (
    id          UUID         PRIMARY KEY,
    tenant_id   VARCHAR(63)  NOT NULL,
    token_hash  VARCHAR(64)  NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ  NOT NULL,
    created_by  VARCHAR(255) NOT NULL,
    expires_at  TIMESTAMPTZ  NOT NULL,
    used_at     TIMESTAMPTZ,
    agent_id    UUID
);
CREATE INDEX enrolment_token_tenant_idx ON enrolment_token (tenant_id, created_at);

-- The agent's credential (SHA-256 of a 256-bit random secret) and its report progress.
ALTER TABLE agent ADD COLUMN machine_id VARCHAR(255);
ALTER TABLE agent ADD COLUMN credential_hash VARCHAR(64);
ALTER TABLE agent ADD COLUMN last_report_sequence BIGINT NOT NULL DEFAULT 0;
ALTER TABLE agent ADD COLUMN last_report_at TIMESTAMPTZ;

-- Nonces an agent has used recently: a second use inside the clock window is a replay.
CREATE TABLE agent_nonce (
    agent_id UUID         NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
    nonce    VARCHAR(128) NOT NULL,
    seen_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (agent_id, nonce)
);
CREATE INDEX agent_nonce_seen_idx ON agent_nonce (seen_at);

-- Machine reports as the agents sent them; they stay at the site.
CREATE TABLE machine_report (
    id          UUID         PRIMARY KEY,
    tenant_id   VARCHAR(63)  NOT NULL,
    agent_id    UUID         NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
    sequence    BIGINT       NOT NULL,
    kind        VARCHAR(8)   NOT NULL,
    received_at TIMESTAMPTZ  NOT NULL,
    body        JSONB        NOT NULL,
    UNIQUE (agent_id, sequence)
);
CREATE INDEX machine_report_tenant_idx ON machine_report (tenant_id, received_at);

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
