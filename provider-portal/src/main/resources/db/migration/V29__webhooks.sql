-- Events out (docs/webhooks.md): signed webhooks per tenant and for the MSSP.
--
-- security_event is an outbox: its rows are written by the triggers below, in the transaction that made the change,
-- whichever code path made it (COPY of findings included), so no event is lost if the portal stops after a commit.
-- WebhookDispatcher reads it in bounded batches (SKIP LOCKED), logs each event to herd.security (ECS JSON) and
-- queues one webhook_delivery per matching endpoint; WebhookDeliverer posts them with retries and keeps every attempt.

CREATE TABLE webhook_endpoint (
    id          UUID          PRIMARY KEY,
    -- NULL: the MSSP's own endpoint, which gets every tenant's events; otherwise only this tenant's.
    tenant_id   VARCHAR(63),
    url         VARCHAR(2000) NOT NULL,
    event_types TEXT[]        NOT NULL CHECK (cardinality(event_types) > 0),
    secret      VARCHAR(100)  NOT NULL,
    description VARCHAR(500),
    created_by  VARCHAR(255)  NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL
);
CREATE INDEX webhook_endpoint_by_tenant ON webhook_endpoint (tenant_id, created_at);

CREATE TABLE security_event (
    id            UUID         PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id     VARCHAR(63)  NOT NULL,
    type          VARCHAR(50)  NOT NULL,
    data          JSONB        NOT NULL,
    occurred_at   TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    dispatched_at TIMESTAMPTZ
);
CREATE INDEX security_event_pending ON security_event (occurred_at) WHERE dispatched_at IS NULL;
CREATE INDEX security_event_dispatched ON security_event (dispatched_at) WHERE dispatched_at IS NOT NULL;

CREATE TABLE webhook_delivery (
    -- The webhook-id header: the same on every retry of this message to this endpoint.
    id              UUID         PRIMARY KEY,
    endpoint_id     UUID         NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    event_id        UUID         NOT NULL,
    tenant_id       VARCHAR(63)  NOT NULL,
    event_type      VARCHAR(50)  NOT NULL,
    -- The body exactly as signed and sent.
    payload         TEXT         NOT NULL,
    state           VARCHAR(20)  NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    finished_at     TIMESTAMPTZ,
    UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX webhook_delivery_by_endpoint ON webhook_delivery (endpoint_id, created_at DESC);
CREATE INDEX webhook_delivery_finished ON webhook_delivery (finished_at) WHERE finished_at IS NOT NULL;

-- Every attempt to post a delivery, kept with it.
CREATE TABLE webhook_attempt (
    delivery_id UUID         NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempt     INTEGER      NOT NULL,
    at          TIMESTAMPTZ  NOT NULL,
    status_code INTEGER,
    error       VARCHAR(500),
    duration_ms INTEGER      NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
);

-- Damage cases: opened (inserted) and closed (state moved to CLOSED).
CREATE FUNCTION security_event_damage_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO security_event (tenant_id, type, data) VALUES (NEW.tenant_id,
        CASE WHEN TG_OP = 'INSERT' THEN 'damage_case.opened' ELSE 'damage_case.closed' END,
        jsonb_build_object('tenant', NEW.tenant_id, 'caseId', NEW.id, 'state', NEW.state,
            'openedAt', NEW.opened_at, 'closedAt', NEW.closed_at, 'signature', NEW.signature,
            'isolationPoint', NEW.isolation_point));
    RETURN NULL;
END $$;
CREATE TRIGGER damage_case_opened AFTER INSERT ON damage_case
    FOR EACH ROW EXECUTE FUNCTION security_event_damage_case();
CREATE TRIGGER damage_case_closed AFTER UPDATE OF state ON damage_case
    FOR EACH ROW WHEN (NEW.state = 'CLOSED' AND OLD.state <> 'CLOSED') EXECUTE FUNCTION security_event_damage_case();

-- Cross-tenant warnings raised at a tenant (never naming the tenants that reported the anomaly).
CREATE FUNCTION security_event_warning() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO security_event (tenant_id, type, data) VALUES (NEW.tenant_id, 'warning.raised',
        jsonb_build_object('tenant', NEW.tenant_id, 'warningId', NEW.id, 'indicator', NEW.indicator,
            'protocol', NEW.protocol, 'port', NEW.port, 'reportingTenants', NEW.reporting,
            'countermeasure', NEW.countermeasure, 'createdAt', NEW.created_at));
    RETURN NULL;
END $$;
CREATE TRIGGER tenant_warning_raised AFTER INSERT ON tenant_warning
    FOR EACH ROW EXECUTE FUNCTION security_event_warning();

-- Isolation and recovery orders the recovery broker gave up on.
CREATE FUNCTION security_event_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO security_event (tenant_id, type, data) VALUES (NEW.tenant_id, 'order.escalated',
        jsonb_build_object('tenant', NEW.tenant_id, 'orderId', NEW.order_id, 'caseId', NEW.case_id,
            'kind', NEW.kind, 'mode', NEW.mode, 'isolationPoint', NEW.isolation_point,
            'attempt', NEW.attempt, 'detail', NEW.status_detail, 'at', coalesce(NEW.status_at, NEW.issued_at)));
    RETURN NULL;
END $$;
CREATE TRIGGER isolation_order_escalated AFTER UPDATE OF status ON isolation_order
    FOR EACH ROW WHEN (NEW.status = 'ESCALATED' AND OLD.status IS DISTINCT FROM 'ESCALATED')
    EXECUTE FUNCTION security_event_order();

-- Known-exploited findings: one event per (tenant, advisory) of each statement that opened findings, with the
-- machines (at most 100 named) - a first diagnosis of a large tenant is one event, not one per machine.
CREATE FUNCTION security_event_kev_findings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO security_event (tenant_id, type, data)
    SELECT f.tenant_id, 'finding.known_exploited',
        jsonb_build_object('tenant', f.tenant_id, 'advisoryId', f.advisory_id, 'title', max(a.title),
            'severity', max(a.severity), 'findings', count(*), 'machineCount', count(DISTINCT f.machine_id),
            'machines', (array_agg(DISTINCT f.machine_id))[1:100])
    FROM opened_findings f JOIN advisory a ON a.id = f.advisory_id
    WHERE a.known_exploited AND f.state = 'OPEN'
    GROUP BY f.tenant_id, f.advisory_id;
    RETURN NULL;
END $$;
CREATE TRIGGER finding_known_exploited AFTER INSERT ON finding REFERENCING NEW TABLE AS opened_findings
    FOR EACH STATEMENT EXECUTE FUNCTION security_event_kev_findings();

-- Findings reopened (closed ones affected again) count as new.
CREATE FUNCTION security_event_kev_reopened() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO security_event (tenant_id, type, data)
    SELECT n.tenant_id, 'finding.known_exploited',
        jsonb_build_object('tenant', n.tenant_id, 'advisoryId', n.advisory_id, 'title', max(a.title),
            'severity', max(a.severity), 'findings', count(*), 'machineCount', count(DISTINCT n.machine_id),
            'machines', (array_agg(DISTINCT n.machine_id))[1:100], 'reopened', true)
    FROM new_findings n JOIN old_findings o ON o.id = n.id JOIN advisory a ON a.id = n.advisory_id
    WHERE a.known_exploited AND n.state = 'OPEN' AND o.state IN ('PATCHED', 'WITHDRAWN')
    GROUP BY n.tenant_id, n.advisory_id;
    RETURN NULL;
END $$;
CREATE TRIGGER finding_known_exploited_reopened AFTER UPDATE ON finding
    REFERENCING OLD TABLE AS old_findings NEW TABLE AS new_findings
    FOR EACH STATEMENT EXECUTE FUNCTION security_event_kev_reopened();

-- An advisory that becomes known-exploited (KEV catalogue) makes its open findings known-exploited ones.
CREATE FUNCTION security_event_kev_advisory() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO security_event (tenant_id, type, data)
    SELECT f.tenant_id, 'finding.known_exploited',
        jsonb_build_object('tenant', f.tenant_id, 'advisoryId', NEW.id, 'title', NEW.title,
            'severity', NEW.severity, 'findings', count(*), 'machineCount', count(DISTINCT f.machine_id),
            'machines', (array_agg(DISTINCT f.machine_id))[1:100], 'advisoryNowKnownExploited', true)
    FROM finding f WHERE f.advisory_id = NEW.id AND f.state = 'OPEN'
    GROUP BY f.tenant_id;
    RETURN NULL;
END $$;
CREATE TRIGGER advisory_known_exploited AFTER UPDATE OF known_exploited ON advisory
    FOR EACH ROW WHEN (NEW.known_exploited AND NOT OLD.known_exploited)
    EXECUTE FUNCTION security_event_kev_advisory();
