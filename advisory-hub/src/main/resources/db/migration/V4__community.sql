-- Community advisories (DESIGN §3.4): damage reports from tenants turned into advisories for every other tenant,
-- and forwarded to the providers that asked for them.

-- Messages consumed once: a redelivered message (same id) is acknowledged without being handled again.
CREATE TABLE consumed_message (
    consumer    VARCHAR(60)  NOT NULL,
    message_id  VARCHAR(100) NOT NULL,
    consumed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);

-- Messages that could not be read or applied: kept for an operator, never redelivered in a loop.
CREATE TABLE dead_letter (
    id          UUID         PRIMARY KEY,
    consumer    VARCHAR(60)  NOT NULL,
    message_id  VARCHAR(100),
    payload     TEXT         NOT NULL,
    error       TEXT         NOT NULL,
    received_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- The built-in provider whose statements are the damage reports; tier 4 so that its advisories are actionable.
INSERT INTO provider (id, display_name, trust_tier) VALUES ('herd-community', 'Herd community (damage reports)', 4);

-- One row per community advisory: the indicator set it stands for and whether an MSSP admin revoked it.
CREATE TABLE community_advisory (
    advisory_id   VARCHAR(200) PRIMARY KEY REFERENCES advisory (id) ON DELETE CASCADE,
    indicators    JSONB        NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    revoked_at    TIMESTAMPTZ,
    revoked_by    VARCHAR(200),
    revoke_reason TEXT
);

-- Every damage report received, by its id; origin is the reporting tenant's pseudonym, never the tenant.
CREATE TABLE community_report (
    report_id        UUID         PRIMARY KEY,
    advisory_id      VARCHAR(200) NOT NULL REFERENCES community_advisory (advisory_id) ON DELETE CASCADE,
    origin           VARCHAR(200) NOT NULL,
    detected_at      TIMESTAMPTZ  NOT NULL,
    received_at      TIMESTAMPTZ  NOT NULL,
    damaged_machines INTEGER      NOT NULL,
    -- false when the advisory was revoked: the report is kept and forwarded, but does not resurrect it
    applied          BOOLEAN      NOT NULL
);
CREATE INDEX community_report_by_advisory ON community_report (advisory_id, origin);

-- Providers that asked for damage reports, and where to POST them.
ALTER TABLE provider ADD COLUMN damage_report_url TEXT;

-- One delivery of one damage report to one provider, retried with backoff until delivered or given up.
CREATE TABLE damage_delivery (
    id              BIGSERIAL    PRIMARY KEY,
    provider_id     VARCHAR(63)  NOT NULL REFERENCES provider (id) ON DELETE CASCADE,
    report_id       UUID         NOT NULL,
    url             TEXT         NOT NULL,
    payload         TEXT         NOT NULL,
    state           VARCHAR(10)  NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    last_status     INTEGER,
    last_error      TEXT,
    created_at      TIMESTAMPTZ  NOT NULL,
    delivered_at    TIMESTAMPTZ,
    UNIQUE (provider_id, report_id)
);
CREATE INDEX damage_delivery_due ON damage_delivery (next_attempt_at) WHERE state = 'PENDING';
