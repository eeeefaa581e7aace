package dev.herd.gateway.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A machine report as the agent sent it; it stays at the site, only the diagnosis fields are forwarded. */
@Entity
@Table(name = "machine_report")
public class StoredReport {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "agent_id", nullable = false)
    public UUID agentId;

    @Column(nullable = false)
    public long sequence;

    @Column(nullable = false)
    public String kind;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The JSON text as the agent sent it, kept as text (lz4-compressed): nothing at the site queries inside it. */
    @Column(nullable = false, columnDefinition = "text")
    public String body;
}
