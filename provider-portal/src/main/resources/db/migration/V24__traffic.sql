-- Traffic per machine and protocol in five-minute windows, counted from the monitor records the gateway forwards
-- (issue 13's traffic page and GET /api/tenants/{t}/traffic); windows older than herd.portal.traffic.keep go.
CREATE TABLE traffic_window (
    tenant_id    VARCHAR(63) NOT NULL,
    machine_id   UUID        NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    protocol     VARCHAR(8)  NOT NULL,
    flows        BIGINT      NOT NULL,
    bytes        BIGINT      NOT NULL,
    PRIMARY KEY (machine_id, window_start, protocol)
);
CREATE INDEX traffic_window_by_tenant ON traffic_window (tenant_id, window_start);
