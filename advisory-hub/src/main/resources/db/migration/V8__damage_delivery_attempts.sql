-- Every attempt to deliver a damage report to a provider (docs/advisory-hub.md), not only the last one.
CREATE TABLE damage_delivery_attempt (
    delivery_id BIGINT       NOT NULL REFERENCES damage_delivery (id) ON DELETE CASCADE,
    attempt     INTEGER      NOT NULL,
    at          TIMESTAMPTZ  NOT NULL,
    status_code INTEGER,
    error       TEXT,
    PRIMARY KEY (delivery_id, attempt)
);
