-- Damage, spread, isolation and indices (DESIGN §3.4, §3.6): each tenant's topology and damage settings, the
-- attack database, per-machine traffic profiles, damage cases with their events and isolation orders, detector
-- liveness and canary checks.

-- A tenant's network topology (dev.herd.portal.topology.Topology as JSON: segments and isolating devices).
CREATE TABLE tenant_topology (
    tenant_id  VARCHAR(63)  PRIMARY KEY,
    topology   JSONB        NOT NULL,
    updated_by VARCHAR(255) NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);

-- A tenant's damage settings (dev.herd.portal.damage.DamageSettings as JSON); absent = the defaults.
CREATE TABLE damage_settings (
    tenant_id  VARCHAR(63)  PRIMARY KEY,
    settings   JSONB        NOT NULL,
    updated_by VARCHAR(255) NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);

-- The attack database of the MSSP: what was learnt, when, and from where ('local' = damage seen at a tenant, or
-- the id of a community advisory). Deliberately without a tenant: it protects every tenant.
CREATE TABLE attack_indicator (
    id          BIGSERIAL    PRIMARY KEY,
    type        VARCHAR(20)  NOT NULL CHECK (type IN ('SIGNATURE', 'FILE_HASH', 'ATTACKER_ADDRESS')),
    value       TEXT         NOT NULL,
    protocol    VARCHAR(10),
    port        INTEGER      CHECK (port BETWEEN 0 AND 65535),
    learnt_at   TIMESTAMPTZ  NOT NULL,
    learnt_from VARCHAR(200) NOT NULL,
    UNIQUE (type, value)
);

-- When each detector (agent) last sent monitor records: liveness decides whether a tenant's figures are trusted.
CREATE TABLE detector_seen (
    agent_id     UUID        PRIMARY KEY,
    tenant_id    VARCHAR(63) NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX detector_seen_by_tenant ON detector_seen (tenant_id);

-- Communication profile: flows per machine, window and destination (aggregated, never the single flows).
CREATE TABLE machine_traffic (
    tenant_id    VARCHAR(63)  NOT NULL,
    machine_id   UUID         NOT NULL,
    window_start TIMESTAMPTZ  NOT NULL,
    destination  VARCHAR(64)  NOT NULL,
    flows        BIGINT       NOT NULL,
    last_flow_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (machine_id, window_start, destination)
);
CREATE INDEX machine_traffic_by_tenant ON machine_traffic (tenant_id, machine_id);

-- The judgement of one closed window against the machine's baseline (Jensen-Shannon divergence, base 2).
CREATE TABLE profile_verdict (
    machine_id   UUID             NOT NULL,
    window_start TIMESTAMPTZ      NOT NULL,
    tenant_id    VARCHAR(63)      NOT NULL,
    score        DOUBLE PRECISION,
    abnormal     BOOLEAN          NOT NULL,
    PRIMARY KEY (machine_id, window_start)
);

-- A damage case: the damage of one tenant from its first event until recovery closes it. At most one open per tenant.
CREATE TABLE damage_case (
    id              UUID         PRIMARY KEY,
    tenant_id       VARCHAR(63)  NOT NULL,
    state           VARCHAR(20)  NOT NULL CHECK (state IN ('OPEN', 'CLOSED')),
    opened_at       TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    signature       TEXT,
    spreading       BOOLEAN      NOT NULL DEFAULT false,
    damage_range    JSONB        NOT NULL DEFAULT '[]',
    isolation_point VARCHAR(63),
    isolation_note  TEXT,
    mode            VARCHAR(20)  CHECK (mode IN ('COMPLETE', 'DROP_SIGNATURE', 'RATE_LIMIT'))
);
CREATE UNIQUE INDEX damage_case_open ON damage_case (tenant_id) WHERE state = 'OPEN';

-- What was detected: a machine damaged by a signature hit or abnormal by its communication profile.
CREATE TABLE damage_event (
    id         BIGSERIAL        PRIMARY KEY,
    tenant_id  VARCHAR(63)      NOT NULL,
    case_id    UUID             NOT NULL REFERENCES damage_case (id) ON DELETE CASCADE,
    machine_id UUID             NOT NULL,
    kind       VARCHAR(20)      NOT NULL CHECK (kind IN ('SIGNATURE', 'DIVERGENCE')),
    indicator  TEXT,
    score      DOUBLE PRECISION,
    at         TIMESTAMPTZ      NOT NULL
);
CREATE INDEX damage_event_by_tenant ON damage_event (tenant_id, at);
CREATE INDEX damage_event_by_case ON damage_event (case_id, at);

-- Isolation orders issued for a case (one per isolation point and mode) and the last status the broker reported.
CREATE TABLE isolation_order (
    order_id        UUID         PRIMARY KEY,
    tenant_id       VARCHAR(63)  NOT NULL,
    case_id         UUID         NOT NULL REFERENCES damage_case (id) ON DELETE CASCADE,
    isolation_point VARCHAR(63)  NOT NULL,
    mode            VARCHAR(20)  NOT NULL CHECK (mode IN ('COMPLETE', 'DROP_SIGNATURE', 'RATE_LIMIT')),
    issued_at       TIMESTAMPTZ  NOT NULL,
    status          VARCHAR(20),
    attempt         INTEGER,
    status_detail   TEXT,
    status_at       TIMESTAMPTZ
);
CREATE INDEX isolation_order_by_case ON isolation_order (case_id, issued_at);

-- Canary checks: a test signature a scanner sends; seeing it proves the detectors work. Never an attack.
CREATE TABLE canary (
    id            UUID         PRIMARY KEY,
    tenant_id     VARCHAR(63)  NOT NULL,
    signature     VARCHAR(100) NOT NULL UNIQUE,
    scanner       VARCHAR(200),
    registered_by VARCHAR(255) NOT NULL,
    registered_at TIMESTAMPTZ  NOT NULL,
    seen_at       TIMESTAMPTZ
);
CREATE INDEX canary_by_tenant ON canary (tenant_id, registered_at);
