-- The privileged sessions (sudo, su) and network configuration files agents report, forwarded by the gateways as
-- machine evidence (issue 13, "Data the views need"). Sessions are history, kept herd.portal.sessions.keep (90 days)
-- and at most herd.portal.sessions.per-machine rows per machine; configuration files are each machine's current
-- state with the expected permissions they were checked against, and a change history.
CREATE TABLE privileged_session (
    id          BIGSERIAL   PRIMARY KEY,
    tenant_id   VARCHAR(63) NOT NULL,
    machine_id  UUID        NOT NULL,
    fingerprint VARCHAR(64) NOT NULL,
    tool        VARCHAR(8)  NOT NULL,
    username    TEXT        NOT NULL,
    target      TEXT,
    at          TIMESTAMPTZ NOT NULL,
    at_logged   BOOLEAN     NOT NULL,
    line        TEXT,
    seen_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (machine_id, fingerprint)
);
CREATE INDEX privileged_session_by_tenant ON privileged_session (tenant_id, at DESC);
CREATE INDEX privileged_session_by_machine ON privileged_session (machine_id, at DESC);

CREATE TABLE config_file (
    tenant_id      VARCHAR(63) NOT NULL,
    machine_id     UUID        NOT NULL,
    path           TEXT        NOT NULL,
    mode           VARCHAR(4)  NOT NULL,
    owner          TEXT,
    grp            TEXT,
    modified       TIMESTAMPTZ,
    changed        TIMESTAMPTZ,
    expected_mode  VARCHAR(4),
    expected_owner TEXT,
    expected_group TEXT,
    mismatch       TEXT,
    urgency        VARCHAR(9),
    mismatch_since TIMESTAMPTZ,
    first_seen     TIMESTAMPTZ NOT NULL,
    seen_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (machine_id, path)
);
CREATE INDEX config_file_by_tenant ON config_file (tenant_id, path);
CREATE INDEX config_file_mismatch ON config_file (tenant_id, mismatch_since) WHERE mismatch IS NOT NULL;

CREATE TABLE config_file_change (
    id          BIGSERIAL   PRIMARY KEY,
    tenant_id   VARCHAR(63) NOT NULL,
    machine_id  UUID        NOT NULL,
    path        TEXT        NOT NULL,
    observed_at TIMESTAMPTZ NOT NULL,
    what        TEXT        NOT NULL,
    mode        VARCHAR(4),
    owner       TEXT,
    grp         TEXT,
    modified    TIMESTAMPTZ,
    changed     TIMESTAMPTZ
);
CREATE INDEX config_file_change_by_file ON config_file_change (machine_id, path, observed_at DESC);
CREATE INDEX config_file_change_by_tenant ON config_file_change (tenant_id, observed_at);

-- A tenant's own expected permissions (PUT /api/tenants/{t}/expected-config-files): each entry overrides the default
-- table's entry for the same path, or adds one.
CREATE TABLE tenant_expected_config_file (
    tenant_id  VARCHAR(63) NOT NULL,
    path       TEXT        NOT NULL,
    mode       VARCHAR(4)  NOT NULL,
    owner      TEXT        NOT NULL,
    grp        TEXT        NOT NULL,
    updated_by TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, path)
);
