-- Cross-tenant early warning (DESIGN §3.4, last bullet): when two or more tenants report the same anomaly within a
-- window, every other tenant running the same software gets one warning with the countermeasure; the portal follows
-- up until the countermeasure is applied. A warning never names the reporting tenants, only how many there were.
CREATE TABLE tenant_warning (
    id               UUID         PRIMARY KEY,
    tenant_id        VARCHAR(63)  NOT NULL,
    anomaly_key      TEXT         NOT NULL,
    indicator        TEXT         NOT NULL,
    protocol         VARCHAR(10),
    port             INTEGER      CHECK (port BETWEEN 0 AND 65535),
    reporting        INTEGER      NOT NULL CHECK (reporting >= 2),
    countermeasure   TEXT         NOT NULL,
    rule_numbers     JSONB        NOT NULL DEFAULT '[]',
    machines         JSONB        NOT NULL DEFAULT '[]',
    state            VARCHAR(20)  NOT NULL CHECK (state IN ('OPEN', 'APPLIED')),
    created_at       TIMESTAMPTZ  NOT NULL,
    applied_at       TIMESTAMPTZ,
    applied_by       VARCHAR(255),
    applied_note     TEXT,
    reminded_count   INTEGER      NOT NULL DEFAULT 0,
    last_reminded_at TIMESTAMPTZ,
    UNIQUE (tenant_id, anomaly_key)
);
CREATE INDEX tenant_warning_open ON tenant_warning (state, created_at);

-- Each reminder the follow-up sent for an open warning.
CREATE TABLE warning_reminder (
    id          BIGSERIAL    PRIMARY KEY,
    warning_id  UUID         NOT NULL REFERENCES tenant_warning (id) ON DELETE CASCADE,
    tenant_id   VARCHAR(63)  NOT NULL,
    reminded_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX warning_reminder_by_warning ON warning_reminder (warning_id, reminded_at);
