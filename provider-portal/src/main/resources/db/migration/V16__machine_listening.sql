-- Exposure by index (issue 12): which machine listens beyond loopback on which (protocol, port), so that an exposure
-- advisory (a community advisory on tcp/443, say) reads only the machines it exposes instead of every machine of every
-- tenant. Kept by the inventory consumer (a machine's rows are replaced whenever its listening services change); the
-- rule for what counts is ListeningPort in dev.herd.portal.machine, which this backfill repeats: tcp* is tcp, udp* is
-- udp, other protocols and loopback addresses (127.*, ::1, localhost) are left out.
CREATE TABLE machine_listening (
    machine_id UUID        NOT NULL REFERENCES machine (id) ON DELETE CASCADE,
    tenant_id  VARCHAR(63) NOT NULL,
    protocol   VARCHAR(3)  NOT NULL CHECK (protocol IN ('tcp', 'udp')),
    port       INTEGER     NOT NULL CHECK (port BETWEEN 0 AND 65535),
    PRIMARY KEY (machine_id, protocol, port)
);
-- An advisory's exposed machines, in machine order (keyset pages).
CREATE INDEX machine_listening_by_port ON machine_listening (protocol, port, machine_id);
-- One tenant's exposed machines (GET /api/tenants/{t}/exposure).
CREATE INDEX machine_listening_by_tenant ON machine_listening (tenant_id, protocol, port, machine_id);

INSERT INTO machine_listening (machine_id, tenant_id, protocol, port)
SELECT DISTINCT m.id, m.tenant_id, left(lower(l ->> 'protocol'), 3), (l ->> 'port')::int
FROM machine m
CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(m.listening) = 'array' THEN m.listening
                                             ELSE '[]'::jsonb END) l
WHERE left(lower(l ->> 'protocol'), 3) IN ('tcp', 'udp')
  AND (l ->> 'port') ~ '^[0-9]{1,5}$'
  AND (l ->> 'port')::int <= 65535
  AND coalesce(l ->> 'address', '') NOT LIKE '127.%'
  AND coalesce(l ->> 'address', '') NOT IN ('::1', '[::1]')
  AND lower(coalesce(l ->> 'address', '')) <> 'localhost';
