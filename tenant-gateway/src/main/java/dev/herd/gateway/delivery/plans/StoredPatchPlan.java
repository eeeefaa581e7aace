package dev.herd.gateway.delivery.plans;

import com.fasterxml.jackson.databind.JsonNode;
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

/** A patch plan for one agent and where it stands: pending, done (applied, rolled back, failed) or rejected. */
@Entity
@Table(name = "patch_plan")
public class StoredPatchPlan {

    /** PENDING: the agent has yet to apply it; REJECTED: not for an agent of this gateway (never shown to one). */
    public enum State {
        PENDING,
        APPLIED,
        ROLLED_BACK,
        FAILED,
        REJECTED
    }

    @Id
    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "agent_id", nullable = false)
    public UUID agentId;

    @Column(name = "machine_id")
    public String machineId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    /** Why a REJECTED plan was refused: {@code agent-unknown}, {@code tenant-mismatch}, {@code machine-mismatch}. */
    public String rejection;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "done_at")
    public Instant doneAt;

    @Column(name = "outcome_id")
    public UUID outcomeId;

    /** The plan as the agent receives it. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public JsonNode body;
}
