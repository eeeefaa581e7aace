-- Transactional outbox (dev.herd.contracts.outbox): written with the business change, sent to Artemis after commit.
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
