-- Delivery to agents: the newest rule bundle per tenant, patch plans per agent, what agents reported back, and the
-- messages from Artemis that could not be read.

-- The newest rule bundle of each tenant (older or equal revisions are ignored when they arrive).
CREATE TABLE rule_bundle (
    tenant_id    VARCHAR(63)  PRIMARY KEY,
    revision     BIGINT       NOT NULL,
    generated_at TIMESTAMPTZ,
    received_at  TIMESTAMPTZ  NOT NULL,
    body         JSONB        NOT NULL
);

-- Patch plans by plan id. A plan for an agent this gateway does not know, or naming another tenant than the agent's,
-- is kept as REJECTED (with the reason) and never shown to an agent; agent_id is therefore not a foreign key.
CREATE TABLE patch_plan (
    plan_id     UUID         PRIMARY KEY,
    tenant_id   VARCHAR(63)  NOT NULL,
    agent_id    UUID         NOT NULL,
    machine_id  VARCHAR(255),
    state       VARCHAR(16)  NOT NULL
        CHECK (state IN ('PENDING', 'APPLIED', 'ROLLED_BACK', 'FAILED', 'REJECTED')),
    rejection   VARCHAR(32),
    received_at TIMESTAMPTZ  NOT NULL,
    done_at     TIMESTAMPTZ,
    outcome_id  UUID,
    body        JSONB        NOT NULL
);
CREATE INDEX patch_plan_agent_idx ON patch_plan (tenant_id, agent_id, state, received_at);

-- Apply outcomes as the gateway took them (identity from the authenticated agent); the outcome id makes a resend a no-op.
CREATE TABLE apply_outcome (
    outcome_id  UUID         PRIMARY KEY,
    tenant_id   VARCHAR(63)  NOT NULL,
    agent_id    UUID         NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
    kind        VARCHAR(16)  NOT NULL,
    reference   VARCHAR(64)  NOT NULL,
    result      VARCHAR(16)  NOT NULL,
    received_at TIMESTAMPTZ  NOT NULL,
    body        JSONB        NOT NULL
);
CREATE INDEX apply_outcome_agent_idx ON apply_outcome (tenant_id, agent_id, received_at);

-- Messages that could not be read or stored: kept here and acknowledged, never redelivered in a loop. No tenant
-- column: an unreadable message names none that could be trusted.
CREATE TABLE delivery_dead_letter (
    id          UUID         PRIMARY KEY,
    address     VARCHAR(200) NOT NULL,
    message_id  VARCHAR(200) UNIQUE,
    payload     TEXT,
    reason      TEXT         NOT NULL,
    received_at TIMESTAMPTZ  NOT NULL
);
