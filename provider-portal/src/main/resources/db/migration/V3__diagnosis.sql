-- Diagnosis: what the portal knows of advisories and machines, and the findings it draws from them.

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

-- Advisories as the hub announced them (AdvisoryChanged), with everything matching and protection need.
CREATE TABLE advisory (
    id              VARCHAR(200) PRIMARY KEY,
    title           TEXT,
    severity        VARCHAR(20),
    cvss_score      NUMERIC(3, 1),
    known_exploited BOOLEAN      NOT NULL,
    emergency_level SMALLINT     NOT NULL,
    actionable      BOOLEAN      NOT NULL,
    withdrawn       BOOLEAN      NOT NULL,
    aliases         JSONB        NOT NULL,
    affected        JSONB        NOT NULL,
    mitigations     JSONB        NOT NULL,
    patches         JSONB        NOT NULL,
    modified_at     TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL
);

-- Which advisory touches which (ecosystem, package): a changed advisory or machine finds its counterparts here.
CREATE TABLE advisory_package (
    advisory_id  VARCHAR(200) NOT NULL REFERENCES advisory (id) ON DELETE CASCADE,
    ecosystem    VARCHAR(100) NOT NULL,
    package_name VARCHAR(200) NOT NULL,
    PRIMARY KEY (advisory_id, ecosystem, package_name)
);
CREATE INDEX advisory_package_by_package ON advisory_package (package_name, ecosystem);

-- Machines as their gateway forwarded them (MachineInventory): identity, OS, addresses, listening ports.
CREATE TABLE machine (
    id            UUID         PRIMARY KEY,
    tenant_id     VARCHAR(63)  NOT NULL,
    name          VARCHAR(255) NOT NULL,
    hostname      VARCHAR(255),
    os_id         VARCHAR(63),
    os_version    VARCHAR(63),
    ecosystem     VARCHAR(100),
    architecture  VARCHAR(31),
    addresses     JSONB        NOT NULL,
    listening     JSONB        NOT NULL,
    last_sequence BIGINT       NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX machine_by_tenant ON machine (tenant_id, name);

-- Installed packages; match_name / match_version are what advisories name (the source package on Debian).
CREATE TABLE machine_package (
    machine_id     UUID         NOT NULL REFERENCES machine (id) ON DELETE CASCADE,
    tenant_id      VARCHAR(63)  NOT NULL,
    name           VARCHAR(200) NOT NULL,
    architecture   VARCHAR(31)  NOT NULL,
    version        VARCHAR(200) NOT NULL,
    source_name    VARCHAR(200),
    source_version VARCHAR(200),
    match_name     VARCHAR(200) NOT NULL,
    match_version  VARCHAR(200) NOT NULL,
    PRIMARY KEY (machine_id, name, architecture)
);
CREATE INDEX machine_package_by_match ON machine_package (match_name);

-- Findings: one per (machine, advisory, package), with state and the action the tenant's policy chose.
CREATE TABLE finding (
    id              BIGSERIAL    PRIMARY KEY,
    tenant_id       VARCHAR(63)  NOT NULL,
    machine_id      UUID         NOT NULL REFERENCES machine (id) ON DELETE CASCADE,
    advisory_id     VARCHAR(200) NOT NULL,
    package_name    VARCHAR(200) NOT NULL,
    installed       VARCHAR(200) NOT NULL,
    fixed           VARCHAR(200),
    source_document VARCHAR(200),
    action          VARCHAR(30)  NOT NULL,
    state           VARCHAR(30)  NOT NULL CHECK (state IN ('OPEN', 'MITIGATED', 'PATCH_PLANNED', 'PATCHED', 'ACCEPTED_RISK', 'WITHDRAWN')),
    opened_at       TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    closed_at       TIMESTAMPTZ,
    UNIQUE (machine_id, advisory_id, package_name)
);
CREATE INDEX finding_by_tenant ON finding (tenant_id, machine_id);
CREATE INDEX finding_by_advisory ON finding (advisory_id);

-- Every state a finding went through, and why.
CREATE TABLE finding_history (
    id         BIGSERIAL    PRIMARY KEY,
    finding_id BIGINT       NOT NULL REFERENCES finding (id) ON DELETE CASCADE,
    tenant_id  VARCHAR(63)  NOT NULL,
    state      VARCHAR(30)  NOT NULL,
    reason     TEXT         NOT NULL,
    at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX finding_history_by_finding ON finding_history (finding_id, at);

-- Each tenant's filtering and patch policy (dev.herd.portal.policy.TenantPolicy as JSON); absent = the defaults.
CREATE TABLE tenant_policy (
    tenant_id  VARCHAR(63)  PRIMARY KEY,
    policy     JSONB        NOT NULL,
    updated_by VARCHAR(255) NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);
