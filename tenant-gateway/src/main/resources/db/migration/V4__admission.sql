-- Admission (DESIGN §3.5): a new machine's connection request, quarantined (or held without an address) until released.
CREATE TABLE admission (
    id           UUID         PRIMARY KEY,
    tenant_id    VARCHAR(63)  NOT NULL,
    mac          VARCHAR(17)  NOT NULL,
    ip           VARCHAR(45),
    hostname     VARCHAR(253) NOT NULL,
    segment      VARCHAR(64)  NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    requested_at TIMESTAMPTZ  NOT NULL,
    requested_by VARCHAR(255) NOT NULL,
    released_at  TIMESTAMPTZ,
    released_by  VARCHAR(255)
);
CREATE INDEX admission_tenant_idx ON admission (tenant_id, requested_at);
-- One open admission per machine and tenant.
CREATE UNIQUE INDEX admission_open_mac_idx ON admission (tenant_id, mac) WHERE status <> 'RELEASED';
