package dev.herd.recovery.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line of an order's history: a transition, or a playbook step run while it executed. */
@Entity
@Table(name = "order_event")
public class OrderEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderState state;

    @Column(nullable = false)
    public int attempt;

    public String detail;

    @Column(nullable = false)
    public Instant at;

    static OrderEvent of(RecoveryOrder order, String detail, Instant at) {
        OrderEvent event = new OrderEvent();
        event.orderId = order.id;
        event.tenantId = order.tenantId;
        event.state = order.state;
        event.attempt = order.attempt;
        event.detail = detail;
        event.at = at;
        return event;
    }
}
