package dev.herd.gateway.delivery.outcome;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herd.contracts.delivery.ApplyOutcome;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An apply outcome as the gateway took it, with the identity of the agent that sent it. */
@Entity
@Table(name = "apply_outcome")
public class StoredOutcome {

    @Id
    @Column(name = "outcome_id")
    public UUID outcomeId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "agent_id", nullable = false)
    public UUID agentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApplyOutcome.Kind kind;

    @Column(nullable = false)
    public String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApplyOutcome.Result result;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The outcome as forwarded. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public JsonNode body;
}
