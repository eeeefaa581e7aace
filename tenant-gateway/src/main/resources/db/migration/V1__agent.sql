-- Agents enrolled at a client site. Every row belongs to exactly one tenant.
CREATE TABLE agent (
    id                UUID         PRIMARY KEY,
    tenant_id         VARCHAR(63)  NOT NULL,
    hostname          VARCHAR(253) NOT NULL,
    enrolled_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_heartbeat_at TIMESTAMPTZ
);
CREATE INDEX agent_tenant_idx ON agent (tenant_id, hostname);
