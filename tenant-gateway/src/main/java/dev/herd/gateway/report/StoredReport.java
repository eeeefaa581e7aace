package dev.herd.gateway.report;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public JsonNode body;
}
