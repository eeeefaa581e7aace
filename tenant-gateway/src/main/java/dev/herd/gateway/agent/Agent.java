package dev.herd.gateway.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An agent enrolled at a client site, with its last sign of life. */
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
}
