-- Isolation, recovery and un-isolation orders, each tracked until confirmed. Every row belongs to one tenant.
CREATE TABLE recovery_order (
    id         UUID        PRIMARY KEY,
    tenant_id  VARCHAR(63) NOT NULL,
    kind       VARCHAR(20) NOT NULL CHECK (kind IN ('ISOLATE', 'RECOVER', 'UNISOLATE')),
    state      VARCHAR(20) NOT NULL
               CHECK (state IN ('RECEIVED', 'EXECUTING', 'APPLIED', 'CONFIRMED', 'FAILED', 'ESCALATED')),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX recovery_order_tenant_idx ON recovery_order (tenant_id, created_at DESC);
