-- Network-monitor flow records (DESIGN §3.4) from agents and sensors; they stay at the site and are forwarded.
CREATE TABLE monitor_record (
    id          BIGSERIAL    PRIMARY KEY,
    tenant_id   VARCHAR(63)  NOT NULL,
    agent_id    UUID         NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
    flow_time   TIMESTAMPTZ  NOT NULL,
    source      INET         NOT NULL,
    destination INET         NOT NULL,
    protocol    VARCHAR(8)   NOT NULL CHECK (protocol IN ('tcp', 'udp', 'icmp', 'other')),
    port        INTEGER      CHECK (port BETWEEN 0 AND 65535),
    bytes       BIGINT       NOT NULL CHECK (bytes >= 0),
    signature   VARCHAR(512),
    received_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX monitor_record_tenant_time_idx ON monitor_record (tenant_id, flow_time);
