-- Interconnection rules (DESIGN §3.6): a tenant's inbound policy towards each partner tenant, by the partner's
-- deviation scores. A tenant states only its own policy; the partner learns nothing from it.
CREATE TABLE interconnection (
    tenant_id                   VARCHAR(63)      NOT NULL,
    partner_id                  VARCHAR(63)      NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    max_vulnerability_deviation DOUBLE PRECISION CHECK (max_vulnerability_deviation BETWEEN 0 AND 100),
    max_risk_deviation          DOUBLE PRECISION CHECK (max_risk_deviation BETWEEN 0 AND 100),
    require_trusted             BOOLEAN          NOT NULL,
    updated_by                  VARCHAR(200)     NOT NULL,
    updated_at                  TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (tenant_id, partner_id),
    CHECK (partner_id <> tenant_id)
);

-- The interconnection filter rules in a tenant's last published bundle, as a canonical text: a new revision is
-- published only when the rules computed now differ from these.
CREATE TABLE interconnection_enforced (
    tenant_id VARCHAR(63) PRIMARY KEY,
    rules     TEXT        NOT NULL
);
