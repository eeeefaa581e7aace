package dev.herd.recovery.order;

import dev.herd.contracts.isolation.IsolationOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An isolation, recovery or un-isolation order for one tenant, tracked as a state machine to confirmation. */
@Entity
@Table(name = "recovery_order")
public class RecoveryOrder {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderState state;

    /** The {@link IsolationOrder} as received, JSON. */
    @Column(name = "order_json", nullable = false)
    public String orderJson = "{}";

    @Enumerated(EnumType.STRING)
    public IsolationOrder.Mode mode;

    @Column(name = "isolation_point")
    public String isolationPoint;

    public String segment;

    /** Executions so far (the first one is attempt 1). */
    @Column(nullable = false)
    public int attempt;

    /** When the executor may run the order next (RECEIVED, RETRYING); null once it needs nobody but a confirmation. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    /** The driver that executed the order last ({@code recording}, {@code webhook}). */
    public String driver;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "confirmed_by")
    public String confirmedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
