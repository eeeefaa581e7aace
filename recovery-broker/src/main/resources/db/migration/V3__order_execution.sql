-- Orders as state machines (DESIGN §3.4): what was ordered, where it is executed, how often it was tried.
ALTER TABLE recovery_order DROP CONSTRAINT recovery_order_state_check;
ALTER TABLE recovery_order ADD CONSTRAINT recovery_order_state_check CHECK (state IN
    ('RECEIVED', 'EXECUTING', 'APPLIED', 'CONFIRMED', 'FAILED', 'RETRYING', 'ESCALATED'));
ALTER TABLE recovery_order
    ADD COLUMN order_json      TEXT         NOT NULL DEFAULT '{}',
    ADD COLUMN mode            VARCHAR(20)  CHECK (mode IN ('COMPLETE', 'DROP_SIGNATURE', 'RATE_LIMIT')),
    ADD COLUMN isolation_point VARCHAR(200),
    ADD COLUMN segment         VARCHAR(200),
    ADD COLUMN attempt         INTEGER      NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at TIMESTAMPTZ,
    ADD COLUMN last_error      TEXT,
    ADD COLUMN driver          VARCHAR(40),
    ADD COLUMN confirmed_at    TIMESTAMPTZ,
    ADD COLUMN confirmed_by    VARCHAR(255);
-- The executor's claim: due orders first, skipping rows another executor holds.
CREATE INDEX recovery_order_due_idx ON recovery_order (next_attempt_at)
    WHERE state IN ('RECEIVED', 'RETRYING', 'EXECUTING');

-- Every transition and every playbook step of an order, oldest first.
CREATE TABLE order_event (
    id        BIGSERIAL   PRIMARY KEY,
    order_id  UUID        NOT NULL REFERENCES recovery_order (id) ON DELETE CASCADE,
    tenant_id VARCHAR(63) NOT NULL,
    state     VARCHAR(20) NOT NULL,
    attempt   INTEGER     NOT NULL,
    detail    TEXT,
    at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX order_event_by_order ON order_event (order_id, id);

-- Mails to an order's owners, written with the transition and sent after commit (a mail outbox).
CREATE TABLE owner_notice (
    id         UUID         PRIMARY KEY,
    order_id   UUID         NOT NULL REFERENCES recovery_order (id) ON DELETE CASCADE,
    tenant_id  VARCHAR(63)  NOT NULL,
    recipient  VARCHAR(320) NOT NULL,
    subject    TEXT         NOT NULL,
    body       TEXT         NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    sent_at    TIMESTAMPTZ,
    attempts   INTEGER      NOT NULL DEFAULT 0,
    last_error TEXT
);
CREATE INDEX owner_notice_pending_idx ON owner_notice (created_at) WHERE sent_at IS NULL;

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
