package dev.herd.gateway.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An agent enrolled at a client site, with its credential hash, its last sign of life and report progress. */
@Entity
@Table(name = "agent")
public class Agent {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(nullable = false)
    public String hostname;

    @Column(name = "enrolled_at", nullable = false)
    public Instant enrolledAt;

    @Column(name = "last_heartbeat_at")
    public Instant lastHeartbeatAt;

    /** The machine's own identifier (e.g. {@code /etc/machine-id}), as the agent gave it at enrolment. */
    @Column(name = "machine_id")
    public String machineId;

    /** Hex SHA-256 of the agent's secret; the secret itself is never stored. */
    @Column(name = "credential_hash")
    public String credentialHash;

    /** Sequence of the last report accepted from this agent; 0 before the first. */
    @Column(name = "last_report_sequence", nullable = false)
    public long lastReportSequence;

    @Column(name = "last_report_at")
    public Instant lastReportAt;
}
