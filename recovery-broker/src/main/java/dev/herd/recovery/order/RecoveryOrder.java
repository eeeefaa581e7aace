package dev.herd.recovery.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An isolation, recovery or un-isolation order for one tenant, tracked to confirmation. */
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

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
