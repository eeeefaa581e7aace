-- Protection: numbered filter rules per tenant and the bundles that carry them, patch plans per machine, and what
-- agents reported after applying either.

-- Per tenant: the last rule number and bundle revision handed out. Rule changes of a tenant lock this row first, so
-- they run one at a time and numbers and revisions never repeat.
CREATE TABLE protection_counter (
    tenant_id        VARCHAR(63) PRIMARY KEY,
    last_rule_number INTEGER     NOT NULL DEFAULT 0,
    last_revision    BIGINT      NOT NULL DEFAULT 0
);

-- A filter rule against one advisory: one per (advisory, mitigation), or per (machine, port) when a vulnerable
-- service's exposure is halted. rule_key says which of these it is.
CREATE TABLE filter_rule (
    id                BIGSERIAL    PRIMARY KEY,
    tenant_id         VARCHAR(63)  NOT NULL,
    number            INTEGER      NOT NULL CHECK (number > 0),
    advisory_id       VARCHAR(200) NOT NULL,
    rule_key          VARCHAR(200) NOT NULL,
    action            VARCHAR(20)  NOT NULL CHECK (action IN ('DROP', 'REJECT', 'RATE_LIMIT')),
    protocol          VARCHAR(10),
    port              INTEGER      CHECK (port BETWEEN 0 AND 65535),
    rate              INTEGER,
    signature         TEXT,
    description       TEXT,
    state             VARCHAR(20)  NOT NULL CHECK (state IN ('PROPOSED', 'DEPLOYED', 'WITHDRAWN')),
    created_at        TIMESTAMPTZ  NOT NULL,
    deployed_at       TIMESTAMPTZ,
    withdrawn_at      TIMESTAMPTZ,
    withdrawn_by_hand BOOLEAN      NOT NULL DEFAULT false,
    reason            TEXT,
    UNIQUE (tenant_id, number)
);
-- At most one live rule per (tenant, advisory, mitigation).
CREATE UNIQUE INDEX filter_rule_live ON filter_rule (tenant_id, advisory_id, rule_key) WHERE state <> 'WITHDRAWN';

-- The machines a rule protects.
CREATE TABLE filter_rule_machine (
    rule_id    BIGINT      NOT NULL REFERENCES filter_rule (id) ON DELETE CASCADE,
    machine_id UUID        NOT NULL REFERENCES machine (id) ON DELETE CASCADE,
    tenant_id  VARCHAR(63) NOT NULL,
    PRIMARY KEY (rule_id, machine_id)
);

-- Every rule bundle published (RuleBundle), newest revision last.
CREATE TABLE rule_bundle (
    tenant_id    VARCHAR(63) NOT NULL,
    revision     BIGINT      NOT NULL,
    generated_at TIMESTAMPTZ NOT NULL,
    rules        JSONB       NOT NULL,
    nftables     TEXT        NOT NULL,
    suricata     TEXT        NOT NULL,
    PRIMARY KEY (tenant_id, revision)
);

-- The last rule-bundle outcome each machine's agent reported.
CREATE TABLE rule_confirmation (
    tenant_id   VARCHAR(63) NOT NULL,
    agent_id    UUID        NOT NULL,
    machine     VARCHAR(255),
    revision    BIGINT      NOT NULL,
    result      VARCHAR(20) NOT NULL,
    message     TEXT,
    reported_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, agent_id)
);

-- A patch plan for one machine: ordered steps, operation checks, and where it stands.
CREATE TABLE patch_plan (
    id              UUID         PRIMARY KEY,
    tenant_id       VARCHAR(63)  NOT NULL,
    machine_id      UUID         NOT NULL REFERENCES machine (id) ON DELETE CASCADE,
    machine_name    VARCHAR(255) NOT NULL,
    state           VARCHAR(20)  NOT NULL CHECK (state IN ('PROPOSED', 'APPROVED', 'SENT', 'APPLIED', 'ROLLED_BACK', 'FAILED', 'SUPERSEDED')),
    package_manager VARCHAR(10)  NOT NULL,
    steps           JSONB        NOT NULL,
    pre_checks      JSONB        NOT NULL,
    post_checks     JSONB        NOT NULL,
    advisories      JSONB        NOT NULL,
    finding_ids     JSONB        NOT NULL,
    notes           JSONB        NOT NULL,
    rollback_of     UUID         REFERENCES patch_plan (id),
    created_at      TIMESTAMPTZ  NOT NULL,
    approved_at     TIMESTAMPTZ,
    approved_by     VARCHAR(255),
    sent_at         TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ,
    last_result     VARCHAR(20),
    outcome_message TEXT
);
CREATE INDEX patch_plan_by_tenant ON patch_plan (tenant_id, state, created_at);
CREATE INDEX patch_plan_by_machine ON patch_plan (machine_id, state);
