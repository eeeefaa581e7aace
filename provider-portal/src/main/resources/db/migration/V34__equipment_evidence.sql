-- Issue 13: what stayed at the gateway reaches the portal as evidence (MachineEvidence.equipment), and sshd log-ins
-- join the privileged sessions. Every tenant row carries its tenant; machine_id is the agent's id (as machine.id),
-- without a foreign key because evidence may arrive before the machine's first inventory.

-- The address an sshd log-in came from (null for sudo and su).
ALTER TABLE privileged_session ADD COLUMN source VARCHAR(255);

-- A machine's hardware as its gateway last told, and when the gateway's state was taken (an older state is ignored).
CREATE TABLE machine_equipment (
    machine_id UUID        PRIMARY KEY,
    tenant_id  VARCHAR(63) NOT NULL,
    hardware   JSONB,
    state_at   TIMESTAMPTZ NOT NULL,
    seen_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX machine_equipment_by_tenant ON machine_equipment (tenant_id);

-- Hardware added that the tenant's allowed-equipment list does not allow, as the gateway told it (its id is the
-- gateway's).
CREATE TABLE equipment_violation (
    id          UUID         PRIMARY KEY,
    tenant_id   VARCHAR(63)  NOT NULL,
    machine_id  UUID         NOT NULL,
    kind        VARCHAR(24)  NOT NULL CHECK (kind IN ('USB_MASS_STORAGE', 'NETWORK_ADAPTER', 'BLOCK_DEVICE')),
    item        VARCHAR(255) NOT NULL,
    driver      VARCHAR(255),
    status      VARCHAR(16)  NOT NULL CHECK (status IN ('OPEN', 'ISOLATION_FAILED', 'RELEASED')),
    failure     TEXT,
    detected_at TIMESTAMPTZ  NOT NULL,
    released_at TIMESTAMPTZ,
    released_by VARCHAR(255)
);
CREATE INDEX equipment_violation_by_machine ON equipment_violation (tenant_id, machine_id, detected_at DESC);
CREATE INDEX equipment_violation_held ON equipment_violation (tenant_id, detected_at DESC) WHERE status <> 'RELEASED';

-- A machine's admission (DESIGN §3.5) as the gateway told it (its id is the gateway's).
CREATE TABLE machine_admission (
    id           UUID         PRIMARY KEY,
    tenant_id    VARCHAR(63)  NOT NULL,
    machine_id   UUID         NOT NULL,
    status       VARCHAR(16)  NOT NULL CHECK (status IN ('QUARANTINED', 'HELD', 'RELEASED')),
    segment      VARCHAR(64),
    ip           VARCHAR(45),
    requested_at TIMESTAMPTZ  NOT NULL,
    released_at  TIMESTAMPTZ,
    released_by  VARCHAR(255),
    awaiting     TEXT
);
CREATE INDEX machine_admission_by_machine ON machine_admission (tenant_id, machine_id, requested_at DESC);
CREATE INDEX machine_admission_held ON machine_admission (tenant_id, requested_at DESC) WHERE status <> 'RELEASED';
CREATE INDEX machine_admission_released ON machine_admission (tenant_id, released_at DESC) WHERE status = 'RELEASED';
